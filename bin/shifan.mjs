#!/usr/bin/env node
// The `shifan` command. TypeScript sources run through tsx so there is no build step to forget.
import { register } from 'tsx/esm/api';
register();
await import('../pipeline/cli/main.ts');
