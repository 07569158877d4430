// Types of dashboard-inputs.mjs for the TypeScript that imports it (tests/support/dashboard-build.ts).
export declare const DASHBOARD_INPUTS: readonly string[];
