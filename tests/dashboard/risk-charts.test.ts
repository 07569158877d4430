// @vitest-environment jsdom
// The risk queue's charts filter on click: a tier bar and a province tile call back with what they stand for, by
// mouse or keyboard; the tile map places all 31 provinces and shows the numbers behind a tile in its tooltip. And
// the queue's filters, read from the URL, narrow the rows the way the page shows them.
import { describe, expect, it, vi } from 'vitest';
import { countBarsChart, PROVINCE_TILES, provinceTileChart } from '../../dashboard/src/charts/index.ts';
import { applyFilters, flagParams, joinRegions, readFilters } from '../../dashboard/src/features/risk/filters.ts';
import type { RegionRow, RiskRow } from '../../dashboard/src/api/index.ts';

describe('province tile map', () => {
  it('places the 31 provinces on distinct tiles', () => {
    const spots = Object.values(PROVINCE_TILES).map(([c, r]) => `${c},${r}`);
    expect(spots).toHaveLength(31);
    expect(new Set(spots).size).toBe(31);
  });

  it('draws a tile per province with its value and the numbers behind it, and filters by the province on click or Enter', () => {
    const onClick = vi.fn();
    const fig = provinceTileChart(
      [
        { province_code: '320000', value: 5, detail: '12 个地区中 5 个需优先核查' },
        { province_code: '110000', value: 1 },
      ],
      { document, label: '需优先核查的地区数（个）', names: { '320000': '江苏省' }, onClick },
    );
    expect(fig.querySelectorAll('g[aria-label="tile"] > *')).toHaveLength(31);
    // only the provinces with a value are coloured and act on a click
    expect(fig.querySelectorAll('g[aria-label="cell"] > *')).toHaveLength(2);
    const js = fig.querySelector('[data-key="320000"]')!;
    expect(js.querySelector('title')?.textContent).toBe('江苏省：12 个地区中 5 个需优先核查');
    expect(js.getAttribute('role')).toBe('button');
    js.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(onClick).toHaveBeenCalledWith('320000');
    fig.querySelector('[data-key="110000"]')!.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onClick).toHaveBeenLastCalledWith('110000');
    const texts = Array.from(fig.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('江苏');
    expect(texts).toContain('5');
    expect(fig.textContent).toContain('需优先核查的地区数（个）');
  });
});

describe('count bars', () => {
  it('calls back with the clicked bar and dims the bars not selected', () => {
    const onClick = vi.fn();
    const rows = [
      { key: 'grounds', label: '摘牌依据', count: 1 },
      { key: 'review', label: '优先核查', count: 37 },
    ];
    const fig = countBarsChart(rows, { document, selected: 'review', onClick, unit: ' 个地区' });
    const bar = fig.querySelector('[data-key="grounds"]')!;
    expect(bar.querySelector('title')?.textContent).toBe('摘牌依据：1 个地区');
    expect(bar.getAttribute('fill-opacity')).toBe('0.3');
    expect(fig.querySelector('[data-key="review"]')!.getAttribute('fill-opacity')).toBe('0.85');
    bar.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(onClick).toHaveBeenCalledWith(rows[0]);
  });
});

describe('risk queue filters', () => {
  const queue: RiskRow[] = [
    {
      rank: 1,
      region_code: '320101',
      region_name: 'A',
      score: 120,
      tier: 'grounds',
      rank_low: 1,
      rank_high: 1,
      reasons: [],
    },
    {
      rank: 2,
      region_code: '110101',
      region_name: 'B',
      score: 30,
      tier: 'review',
      rank_low: 2,
      rank_high: 4,
      reasons: [],
    },
    {
      rank: 3,
      region_code: '320102',
      region_name: 'C',
      score: 0,
      tier: 'clear',
      rank_low: 2,
      rank_high: 5,
      reasons: [],
    },
  ];
  const region = (code: string, province: string, meets: boolean | null, batch: number): RegionRow => ({
    region_code: code,
    region_name: code,
    province_code: province,
    level: 'county',
    batch,
    designation: 'comprehensive',
    conformance: null,
    meets_bar: meets,
    composite: null,
    rank: null,
    flags_active: 0,
    ranked_of: null,
    rank_low: null,
    rank_high: null,
    items_met: null,
    items_assessed: null,
    year_complete: null,
  });
  const rows = joinRegions(queue, [
    region('320101', '320000', false, 2020),
    region('110101', '110000', true, 2022),
    region('320102', '320000', null, 2022),
  ]);

  it('reads the filters from the URL and narrows the queue by province, batch, verdict, tier and severity', () => {
    const f = readFilters(new URLSearchParams('province=320000&batch=2022&year=2024'));
    expect(f).toEqual({ province: '320000', batch: '2022' });
    expect(applyFilters(rows, f, null).map((r) => r.region_code)).toEqual(['320102']);
    expect(applyFilters(rows, { status: 'not_judged' }, null).map((r) => r.region_code)).toEqual(['320102']);
    expect(applyFilters(rows, { tier: 'review' }, null).map((r) => r.region_code)).toEqual(['110101']);
    expect(applyFilters(rows, { severity: 'high' }, new Set(['110101'])).map((r) => r.region_code)).toEqual(['110101']);
    // a chart leaves out its own dimension, so it still shows every tier to choose from
    expect(applyFilters(rows, { tier: 'review' }, null, ['tier'])).toHaveLength(3);
  });

  it("sends the same filters to the flag list in the server's names", () => {
    expect(
      flagParams({ province: '320000', type: 'single', status: 'met', tier: 'review' }, 2024, 'designated'),
    ).toEqual(
      expect.objectContaining({
        year: 2024,
        scope: 'designated',
        only_province: '320000',
        designation: 'single',
        region_status: 'met',
      }),
    );
  });
});

describe('a metric by province', () => {
  it('pools numerators and denominators of the province’s regions, the median where there is no denominator', async () => {
    const { byProvince } = await import('../../dashboard/src/features/indicators/provinces.ts');
    const row = (province: string, n: number | null, d: number | null, v: number, status = 'met') =>
      ({ province_code: province, numerator: n, denominator: d, value: v, status }) as never;
    const out = byProvince([
      row('320000', 1, 10, 0.1),
      row('320000', 3, 10, 0.3, 'not_met'),
      row('110000', null, null, 4),
    ]);
    expect(out).toEqual([
      { province_code: '320000', value: 0.2, regions: 2, numerator: 4, denominator: 20, met: 1 },
      { province_code: '110000', value: 4, regions: 1, numerator: null, denominator: null, met: 1 },
    ]);
  });
});
