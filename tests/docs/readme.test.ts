// The README is the product's front page: its generated sections match the code, it documents every command
// and every dataset, and its relative links resolve.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/index.ts';
import { generatedReadme } from '../../pipeline/docs/data-contract.ts';
import { generatedApiReadme } from '../../pipeline/docs/api-shapes.ts';
import { commands } from '../../pipeline/cli/commands/index.ts';
import { datasets } from '../../pipeline/contracts/index.ts';
import { rowRejectCodes, fileRefusalCodes } from '../../pipeline/load/index.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('starts with the two commands for a fresh machine, and CI runs the same test command', () => {
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm test');
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('has its generated data-contract and reject-code sections up to date (run `npm run docs`)', () => {
    expect(generatedReadme(readme)).toBe(readme);
  });

  it("has the API README's response shapes and error codes generated from the route schemas and the vocabulary (run `npm run docs`)", () => {
    const apiReadme = readFileSync(join(repoRoot, 'pipeline', 'api', 'README.md'), 'utf8');
    expect(generatedApiReadme(apiReadme)).toBe(apiReadme);
  });

  it('documents every dataset and every reject code', () => {
    for (const d of datasets) expect(readme).toContain(`### ${d.name} ${d.zh}`);
    for (const code of [...Object.keys(rowRejectCodes), ...Object.keys(fileRefusalCodes)])
      expect(readme).toContain(`\`${code}\``);
  });

  it('lists every command of the command line', () => {
    for (const { name } of commands) expect(readme, `command ${name}`).toMatch(new RegExp(`\\| \`${name}[ \`]`));
  });

  it('links only to files that exist', () => {
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)\)/g)) {
      if (/^https?:/.test(target)) continue;
      expect(existsSync(join(dirname(join(repoRoot, 'README.md')), target)), target).toBe(true);
    }
  });
});
