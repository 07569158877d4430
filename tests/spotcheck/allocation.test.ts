import { describe, expect, it } from 'vitest';
import { allocate, parseProportion } from '../../pipeline/spotcheck/allocation.ts';
import { parseExclusions, parsePoolFile, poolFileText, poolSha256, parseStrata } from '../../pipeline/spotcheck/pool.ts';
import { createHash } from 'node:crypto';

describe('sample size per stratum', () => {
  it.each([
    ['0.1', { all: 30 }, { all: 3 }],
    ['0.1', { all: 31 }, { all: 4 }],
    ['10%', { all: 30 }, { all: 3 }],
    ['0.07', { all: 100 }, { all: 7 }],
    ['0.3', { a: 2, b: 4, c: 1 }, { a: 1, b: 2, c: 1 }],
    ['1', { a: 5 }, { a: 5 }],
  ])('takes ceil(p·N) in every stratum with exact arithmetic: p = %s over %j', (p, sizes, expected) => {
    expect(allocate(sizes, { proportion: p })).toEqual(expected);
  });

  it('does not let floating point turn ceil(0.07 · 100) into 8', () => {
    expect(Math.ceil(0.07 * 100)).toBe(8); // the trap this module avoids
    expect(allocate({ all: 100 }, { proportion: '0.07' }).all).toBe(7);
  });

  it.each([
    [5, { a: 10, b: 10, c: 10 }, { a: 2, b: 2, c: 1 }],
    [10, { a: 50, b: 30, c: 20 }, { a: 5, b: 3, c: 2 }],
    [4, { a: 7, b: 2, c: 1 }, { a: 3, b: 1, c: 0 }],
    [3, { x: 1, y: 1, z: 1 }, { x: 1, y: 1, z: 1 }],
  ])('shares a count of %i out by largest remainder over %j', (n, sizes, expected) => {
    const got = allocate(sizes, { count: n });
    expect(got).toEqual(expected);
    expect(Object.values(got).reduce((s, k) => s + k, 0)).toBe(n);
  });

  it('refuses a count larger than the pool', () => {
    expect(() => allocate({ a: 2, b: 2 }, { count: 5 })).toThrow(/larger than the pool \(4 regions\)/);
  });

  it.each(['0', '1.5', 'abc', '', '-0.1', '150%'])('refuses the proportion "%s"', (p) => {
    expect(() => parseProportion(p)).toThrow(/proportion/);
  });
});

describe('pool file', () => {
  it('is the sorted codes, one per line, each ending in LF, and its SHA-256 is what sha256sum prints', () => {
    const text = poolFileText(['320101', '110101', '310101']);
    expect(text).toBe('110101\n310101\n320101\n');
    expect(poolSha256(['320101', '110101', '310101'])).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('reads back what editors add (BOM, CRLF, blank lines, comments) as the same ids', () => {
    expect(parsePoolFile('\uFEFF110101\r\n\r\n# comment\n 310101 \n')).toEqual(['110101', '310101']);
  });

  it('defaults to excluding revoked regions and regions named this year, and accepts none', () => {
    expect(parseExclusions(undefined)).toEqual(['revoked', 'named_this_year']);
    expect(parseExclusions('none')).toEqual([]);
    expect(() => parseExclusions('revoked,bogus')).toThrow(/unknown exclusion "bogus"/);
    expect(() => parseStrata('city')).toThrow(/none, province, batch, designation/);
  });
});
