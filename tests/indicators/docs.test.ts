// The metric table of pipeline/indicators/README.md is generated from the definitions; this keeps them equal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricTable, README, withTable } from '../../pipeline/indicators/catalogue.ts';
import { loadSystems } from '../../pipeline/indicators/index.ts';

describe('indicator documentation', () => {
  it('lists every metric of the definitions in the README (regenerate with catalogue.ts --write)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withTable(readme, metricTable(loadSystems()))).toBe(readme);
  });

  it('says that weights are equal by default because the real weights are unpublished', () => {
    expect(readFileSync(README, 'utf8')).toMatch(
      /Weights are equal by default because the central office's real weights are unpublished/,
    );
  });
});
