// Types of compiled.mjs for the TypeScript that imports it (tests/support/compiled-cli.ts).
export interface Build {
  builtAt: number;
  sources: string[];
  earlySources: string[];
}
export function readBuild(root: string): Build | string;
export function staleSource(root: string, build: Build, files: readonly string[]): string | undefined;
