import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocationBeforeSeed,
  hamilton,
  inclusionProbabilities,
  inclusionProbability,
  parseProportion,
  stratumTicket,
} from '../../pipeline/spotcheck/allocation.ts';
import { seedHashOf } from '../../pipeline/spotcheck/sampler.ts';
import {
  parseExclusions,
  parsePoolFile,
  poolFileText,
  poolSha256,
  parseStrata,
} from '../../pipeline/spotcheck/pool.ts';
import { createHash } from 'node:crypto';

describe('sample size per stratum', () => {
  it.each([
    ['0.1', { all: 30 }, { all: 3 }],
    ['0.1', { all: 31 }, { all: 4 }],
    ['10%', { all: 30 }, { all: 3 }],
    ['0.07', { all: 100 }, { all: 7 }],
    ['0.3', { a: 2, b: 4, c: 1 }, { a: 1, b: 2, c: 0 }],
    ['1', { a: 5, b: 2 }, { a: 5, b: 2 }],
  ])(
    'takes k = ceil(p·N) in total with exact arithmetic, shared by largest remainder: p = %s over %j',
    (p, sizes, expected) => {
      expect(allocate(sizes, { proportion: p })).toEqual(expected);
    },
  );

  // The small demo's 2025 pool: 62 regions in 25 provinces. The rule before took ceil(0.1 · N_s) = 1 in every
  // province (25 regions, 40%); a 10% draw must take ceil(6.2) = 7.
  const demo62 = {
    110000: 1,
    130000: 5,
    150000: 2,
    210000: 1,
    220000: 1,
    320000: 9,
    330000: 2,
    340000: 1,
    350000: 5,
    360000: 1,
    370000: 4,
    410000: 2,
    420000: 3,
    430000: 3,
    440000: 3,
    450000: 1,
    460000: 1,
    510000: 4,
    520000: 1,
    530000: 2,
    540000: 2,
    610000: 2,
    630000: 2,
    640000: 1,
    650000: 3,
  };
  const sum = (o: Record<string, number>) => Object.values(o).reduce((s, k) => s + k, 0);

  it("draws exactly ceil(0.1 · 62) = 7 regions from the demo's 62-region pool stratified by province", () => {
    // quotas 7·N_s/62: 320000 1.016 (floor 1); then remainders 35 (the two 5s), 28 (the two 4s), 21 (the four 3s,
    // same size: two regions for four strata, a tie the seed settles)
    const before = allocationBeforeSeed(demo62, { proportion: '0.1' });
    expect(before.tie).toEqual({ strata: ['420000', '430000', '440000', '650000'], seats: 2 });
    expect(Object.fromEntries(Object.entries(before.sure).filter(([, k]) => k > 0))).toEqual({
      130000: 1,
      320000: 1,
      350000: 1,
      370000: 1,
      510000: 1,
    });
    const hash = seedHashOf('40655370919824618372');
    const got = allocate(demo62, { proportion: '0.1' }, hash);
    expect(sum(got)).toBe(7);
    expect(allocate(demo62, { proportion: '10%' }, hash)).toEqual(got);
    // the two tied strata with the lowest ticket of "stratum|<key>" under this seed
    const winners = ['420000', '430000', '440000', '650000']
      .sort((a, b) => (stratumTicket(hash, a) < stratumTicket(hash, b) ? -1 : 1))
      .slice(0, 2)
      .sort();
    expect(winners).toEqual(['420000', '650000']);
    expect(Object.keys(got).filter((k) => got[k] > 0)).toEqual([
      '130000',
      '320000',
      '350000',
      '370000',
      '420000',
      '510000',
      '650000',
    ]);
    // another seed, other winners: the tie is not known before the seed
    const other = allocate(demo62, { proportion: '0.1' }, seedHashOf('3'));
    expect(['420000', '430000', '440000', '650000'].filter((k) => other[k] > 0)).toEqual(['420000', '430000']);
    // without a seed there is no allocation to give
    expect(() => allocate(demo62, { proportion: '0.1' })).toThrow(/seed/);
    // each region of a tied stratum: 2 regions for 4 strata of 3 → (0 + 2/4) / 3 = 1/6; the others k_s / N_s
    const p = inclusionProbabilities(demo62, { proportion: '0.1' }, hash);
    expect(['420000', '430000', '440000', '650000'].map((k) => p[k].exact)).toEqual(['1/6', '1/6', '1/6', '1/6']);
    expect(p['320000'].exact).toBe('1/9');
    expect(p['110000'].exact).toBe('0');
    // the expected takes add up to k
    expect(
      Object.entries(p).reduce((t, [k, v]) => t + v.value * (demo62 as Record<string, number>)[k]!, 0),
    ).toBeCloseTo(7);
  });

  it('keeps the earlier Hamilton rule, ties by stratum key, for draws made under it', () => {
    const got = allocate(demo62, { proportion: '0.1', rule: 'hamilton' });
    expect(Object.fromEntries(Object.entries(got).filter(([, k]) => k > 0))).toEqual({
      130000: 1,
      320000: 1,
      350000: 1,
      370000: 1,
      420000: 1,
      430000: 1,
      510000: 1,
    });
  });

  it('keeps the old ceil-per-stratum rule, which drew 25 of the 62, only for recomputing old draws', () => {
    expect(sum(allocate(demo62, { proportion: '0.1', rule: 'ceil_per_stratum' }))).toBe(25);
  });

  it('gives a stratum at least the per-stratum minimum when an office asks for it, never more than it has', () => {
    const got = allocate(demo62, { proportion: '0.1', perStratumMinimum: 1 }, seedHashOf('1'));
    expect(Object.values(got).every((k) => k === 1)).toBe(true); // every province once: 25 regions, by choice
    expect(allocate({ a: 10, b: 1 }, { count: 2, perStratumMinimum: 3 })).toEqual({ a: 3, b: 1 });
    expect(() => allocate({ a: 2 }, { count: 1, perStratumMinimum: 0 })).toThrow(/per-stratum minimum/);
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
  ])(
    'shares a count of %i out by largest remainder over %j (ties by key under the earlier rule)',
    (n, sizes, expected) => {
      const got = allocate(sizes, { count: n, rule: 'hamilton' });
      expect(got).toEqual(expected);
      expect(Object.values(got).reduce((s, k) => s + k, 0)).toBe(n);
    },
  );

  it('apportions like the textbook largest-remainder example (47,000 16,000 15,800 12,000 6,100 3,100 votes, 10 seats)', () => {
    // Hare quotas 4.70 1.60 1.58 1.20 0.61 0.31: floors give 7 seats, remainders .70 .61 .60 win the other 3
    expect(hamilton({ A: 47000, B: 16000, C: 15800, D: 12000, E: 6100, F: 3100 }, 10)).toEqual({
      A: 5,
      B: 2,
      C: 1,
      D: 1,
      E: 1,
      F: 0,
    });
  });

  it('breaks a tie in the remainder for the larger stratum, then for the stratum key first in text order', () => {
    expect(hamilton({ a: 1, b: 3 }, 2)).toEqual({ a: 0, b: 2 }); // remainders 2·1 mod 4 = 2·3 mod 4 = 2
    expect(hamilton({ '440000': 5, '110000': 5 }, 1)).toEqual({ '110000': 1, '440000': 0 });
    expect(hamilton({ b: 5, a: 5 }, 1)).toEqual(hamilton({ a: 5, b: 5 }, 1)); // the order the strata are listed in does not matter
  });

  it('never gives a stratum less than the floor or more than the ceiling of its quota', () => {
    const sizes = { s1: 13, s2: 1, s3: 29, s4: 7, s5: 2, s6: 50 };
    for (let k = 0; k <= 102; k++) {
      const got = hamilton(sizes, k);
      expect(Object.values(got).reduce((s, n) => s + n, 0)).toBe(k);
      for (const [s, n] of Object.entries(sizes)) {
        expect(got[s]).toBeGreaterThanOrEqual(Math.floor((k * n) / 102));
        expect(got[s]).toBeLessThanOrEqual(Math.ceil((k * n) / 102));
      }
    }
  });

  it('gives each region the inclusion probability k_s / N_s of its stratum, as an exact fraction', () => {
    expect(inclusionProbability(1, 8)).toEqual({ exact: '1/8', value: 0.125 });
    expect(inclusionProbability(2, 6)).toEqual({ exact: '1/3', value: 2 / 6 });
    expect(inclusionProbability(4, 4)).toEqual({ exact: '1', value: 1 });
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
