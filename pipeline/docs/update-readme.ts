// `npm run docs`: regenerates the README's generated sections from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../db/index.ts';
import { generatedReadme } from './data-contract.ts';
import { generatedApiReadme } from './api-shapes.ts';

const path = join(repoRoot, 'README.md');
writeFileSync(path, generatedReadme(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
const apiPath = join(repoRoot, 'pipeline', 'api', 'README.md');
writeFileSync(apiPath, generatedApiReadme(readFileSync(apiPath, 'utf8')));
console.log(`updated ${apiPath}`);
