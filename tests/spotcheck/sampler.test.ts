import { describe, expect, it } from 'vitest';
import { sample, seedHashOf, shortTicket, ticketOf, uniformOf } from '../../pipeline/spotcheck/sampler.ts';

describe('consistent sampler: vectors from the reference implementation (ron-rivest/consistent_sampler)', () => {
  it('gives the raw string "abc", hashed directly with no seed, the uniform value 0.569980718…24348 (sha256_uniform("abc"))', () => {
    expect(uniformOf('abc')).toBe('0.56998071861792858926477341561059638840106636224182943832566300809078486324348');
  });

  it('draws B-2, B-3, A-3, A-2 from A-1…B-3 with seed 314159, take 4', () => {
    expect(sample(['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3'], '314159', 4).map((t) => t.id)).toEqual([
      'B-2',
      'B-3',
      'A-3',
      'A-2',
    ]);
  });

  it('gives AB-130 under seed 01382438112797316654 the first ticket 0.262997…', () => {
    expect(ticketOf(seedHashOf('01382438112797316654'), 'AB-130')).toBe(
      '0.26299714122838008416507544297546663599715395525154425586041245287750224561854',
    );
  });

  it.each([
    [
      ['ab-1', 'ab-2', 'cd-1', 'ef-3'],
      '314159',
      ['cd-1 0.317685817', 'ef-3 0.832984519', 'ab-1 0.9098039269', 'ab-2 0.9231549043'],
    ],
    [
      ['a', 'b', 'c', 'd', 'e'],
      '52',
      ['d 0.054468191', 'b 0.197384308', 'e 0.302883911', 'a 0.366142288', 'c 0.492683857'],
    ],
  ])('orders %j under seed %s with the published (truncated) tickets', (ids, seed, expected) => {
    expect(sample(ids, seed).map((t) => `${t.id} ${shortTicket(t.ticket)}`)).toEqual(expected);
  });

  it.each([
    ['31', ['b', 'a', 'd', 'c']],
    ['77', ['b', 'd', 'c', 'a']],
  ])('shuffles a, b, c, d with seed %s as the usage examples show', (seed, expected) => {
    expect(sample(['a', 'b', 'c', 'd'], seed).map((t) => t.id)).toEqual(expected);
  });

  it('takes 73, 51, 17, 58, 38 first from 0…99 with seed 41', () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    expect(sample(ids, '41', 5).map((t) => `${t.id} ${shortTicket(t.ticket)}`)).toEqual([
      '73 0.000508333',
      '51 0.003446232',
      '17 0.004419823',
      '58 0.020115273',
      '38 0.023482375',
    ]);
  });
});

describe('consistent sampler: properties', () => {
  const ids = Array.from({ length: 200 }, (_, i) => String(110100 + i * 7));
  const seed = '98765432109876543210';

  it('gives the same result for the same seed, whatever order the pool is listed in', () => {
    expect(sample([...ids].reverse(), seed)).toEqual(sample(ids, seed));
  });

  it('gives a different order for a different seed', () => {
    expect(sample(ids, `${seed}1`, 10)).not.toEqual(sample(ids, seed, 10));
  });

  it('makes a smaller take a prefix of a larger one', () => {
    const big = sample(ids, seed, 50);
    for (const k of [0, 1, 7, 49]) expect(sample(ids, seed, k)).toEqual(big.slice(0, k));
  });

  it('samples a subset in the full order filtered to the subset', () => {
    const subset = ids.filter((_, i) => i % 3 === 0);
    const keep = new Set(subset);
    expect(sample(subset, seed)).toEqual(sample(ids, seed).filter((t) => keep.has(t.id)));
  });

  it('writes every ticket as "0." and at least 64 digits, in ascending order', () => {
    const tickets = sample(ids, seed).map((t) => t.ticket);
    for (const t of tickets) expect(t).toMatch(/^0\.\d{64,}$/);
    expect([...tickets].sort()).toEqual(tickets);
  });

  it('refuses a pool that lists an id twice, naming it', () => {
    expect(() => sample(['110101', '110102', '110101'], seed)).toThrow(/110101/);
  });
});
