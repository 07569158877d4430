// Types of node-version.mjs for the TypeScript that imports it (tests/cli/node-version.test.ts).
export const OLDEST_NODE: readonly [number, number];
export function nodeTooOld(version: string): boolean;
export function nodeTooOldMessage(version: string): string;
export function exitIfNodeTooOld(): void;
