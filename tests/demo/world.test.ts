// The synthetic world: real names and codes, the sourced designations kept, the published batch sizes at
// national scale, and a seeded random source that gives the same numbers everywhere.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isWorkday } from '../../pipeline/calendar/index.ts';
import { addWorkdays as calendarAddWorkdays } from '../../pipeline/calendar/index.ts';
import { addWorkdays, buildDayTable, dayIndex } from '../../pipeline/demo/days.ts';
import { cyrb128, stream } from '../../pipeline/demo/random.ts';
import { SCALES } from '../../pipeline/demo/scale.ts';
import { loadDivisions, loadNamedRegions } from '../../pipeline/demo/sources.ts';
import { buildWorld } from '../../pipeline/demo/world.ts';

const days = buildDayTable(isWorkday);

describe('the seeded random source', () => {
  it('gives the same numbers for the same seed and labels, and different ones for different labels', () => {
    const a = stream(42, 'enforcement', '440300', 2023);
    const b = stream(42, 'enforcement', '440300', 2023);
    const c = stream(42, 'enforcement', '440300', 2024);
    const xs = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(xs);
  });

  it('is pinned: cyrb128 and sfc32 give these exact values (a change would change every demo file)', () => {
    expect(cyrb128('shifan')).toHaveLength(4);
    const values = Array.from(
      { length: 3 },
      (
        (r) => () =>
          r.uint32()
      )(stream(1, 'pin')),
    );
    expect(values).toMatchInlineSnapshot(`
      [
        3184198487,
        6056490,
        2812289722,
      ]
    `);
  });

  it('draws binomial counts with the right mean and integers within bounds', () => {
    const r = stream(3, 'binomial');
    const draws = Array.from({ length: 4000 }, () => r.binomial(100, 0.14));
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(14, 0);
    const ints = Array.from({ length: 1000 }, () => r.int(5, 9));
    expect(Math.min(...ints)).toBe(5);
    expect(Math.max(...ints)).toBe(9);
  });
});

describe('the day table', () => {
  it('adds working days exactly as pipeline/calendar does, across Spring Festival and National Day', () => {
    for (const [date, n] of [
      ['2024-02-08', 7],
      ['2024-09-27', 7],
      ['2025-01-24', 20],
      ['2023-12-29', 1],
      ['2024-02-04', 0],
    ] as const) {
      const ours = days.iso[addWorkdays(days, dayIndex(date), n)];
      expect(ours, `${date} + ${n}`).toBe(calendarAddWorkdays(date, n).date);
    }
  });

  it('spells every day in the three accepted date forms', () => {
    const d = dayIndex('2024-02-09');
    expect([days.iso[d], days.slash[d], days.cn[d]]).toEqual(['2024-02-09', '2024/2/9', '2024年2月9日']);
  });
});

describe('the small world', () => {
  const world = buildWorld(SCALES.small, 1, days);

  it('has about 100 regions, every sourced named region among them with its real batch and designation', () => {
    expect(world.regions.length).toBeGreaterThanOrEqual(90);
    expect(world.regions.length).toBeLessThanOrEqual(110);
    for (const n of loadNamedRegions()) {
      const r = world.regions.find((x) => x.code === n.code)!;
      expect(r, n.name).toBeDefined();
      expect([r.named, r.batch, r.designation, r.project]).toEqual([true, n.batch, n.designation, n.project]);
    }
  });

  it('designates regions in the batches 2020, 2022 and 2025 only, and monitors a few undesignated ones', () => {
    expect(new Set(world.regions.map((r) => r.batch))).toEqual(new Set([2020, 2022, 2025, null]));
    expect(world.regions.filter((r) => r.designation === 'none').length).toBeGreaterThan(0);
    expect(world.regions.filter((r) => r.designation === 'single').every((r) => r.project !== '')).toBe(true);
  });
});

describe('the national world', () => {
  const world = buildWorld(SCALES.national, 1, days);
  const divisions = new Map(loadDivisions().map((d) => [d.code, d]));

  it('is every city and county government of the division list (about 3,000), with real codes and names', () => {
    expect(world.regions.length).toBeGreaterThan(3000);
    for (const r of world.regions) {
      expect(divisions.get(r.code)?.name, r.code).toBe(r.name);
      expect(divisions.get(r.code)?.level).toBe(r.level);
    }
  });

  it('designates as many regions and projects per batch as were published (40+24, 50+59, 72+33)', () => {
    const count = (batch: number, d: string) =>
      world.regions.filter((r) => r.batch === batch && r.designation === d).length;
    expect([
      count(2020, 'comprehensive'),
      count(2020, 'single'),
      count(2022, 'comprehensive'),
      count(2022, 'single'),
      count(2025, 'comprehensive'),
      count(2025, 'single'),
    ]).toEqual([40, 24, 50, 59, 72, 33]);
  });

  it('uses only names and agency names that GBK can encode', () => {
    const text = world.regions.flatMap((r) => [r.name, ...r.agencies, r.docPrefix, r.court]).join('');
    expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).toBe(text);
  });

  it('gives every normative-document prefix to one region only', () => {
    expect(new Set(world.regions.map((r) => r.docPrefix)).size).toBe(world.regions.length);
  });
});
