import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import {
  addRiskTargeted,
  drawSpotcheck,
  findingsBelowBar,
  findingsByDraw,
  freezePool,
} from '../../pipeline/spotcheck/index.ts';
import { designationBars, loadSystems } from '../../pipeline/indicators/system.ts';
import {
  addFindings,
  addInspectors,
  addRegions,
  designatedRegions,
  inspectorSet,
  openTestDb,
  SEED,
} from './fixtures.ts';

describe('spot-check findings and their draw', () => {
  let db: Database;
  let selected: string[];
  let outside: string[];
  beforeEach(async () => {
    db = await openTestDb();
    const regions = designatedRegions(['11', '31'], 5);
    await addRegions(db, regions);
    await addInspectors(db, inspectorSet(6, ['11', '31', '44']));
    await freezePool(db, { year: 2025, strata: 'none', exclusions: [], actor: 'test' });
    selected = (
      await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 2 }, commit: true, actor: 'test' })
    ).selected.map((s) => s.region_code);
    outside = regions.map((r) => r.region_code).filter((c) => !selected.includes(c));
    await addRiskTargeted(db, 1, outside[0], 'media reports of unpublished penalties', 'test');
    await addFindings(db, [
      { region_code: selected[0], year: 2025, indicator_no: 1, met: true },
      { region_code: selected[0], year: 2025, indicator_no: 2, met: true },
      { region_code: selected[1], year: 2025, indicator_no: 1, met: true },
      { region_code: selected[1], year: 2025, indicator_no: 7, met: false, note: '执法决定未公示' },
      { region_code: outside[0], year: 2025, indicator_no: 3, met: false },
      { region_code: outside[1], year: 2025, indicator_no: 3, met: false },
      { region_code: outside[1], year: 2024, indicator_no: 3, met: true },
    ]);
  });
  afterEach(() => db.close());

  it('links each finding to the committed draw of its year and says how the region came to be checked', async () => {
    const rows = await findingsByDraw(db);
    const link = (code: string, year: number) => rows.find((r) => r.region_code === code && r.year === year);
    expect(link(selected[0], 2025)).toMatchObject({ draw_id: 1, link: 'selected' });
    expect(link(outside[0], 2025)).toMatchObject({ draw_id: 1, link: 'risk_targeted' });
    expect(link(outside[1], 2025)).toMatchObject({ draw_id: 1, link: 'not_selected' });
    expect(link(outside[1], 2024)).toMatchObject({ draw_id: null, link: 'no_committed_draw' });
    expect(rows).toHaveLength(7);
  });

  it('lists regions below the bar with ground 3, keeping unlinked ones visible', async () => {
    const below = await findingsBelowBar(db, { year: 2025 });
    expect(below.map((b) => [b.region_code, b.link, b.linked, b.share_met, b.unmet_indicators])).toEqual(
      [
        [selected[1], 'selected', true, 0.5, [7]],
        [outside[0], 'risk_targeted', true, 0, [3]],
        [outside[1], 'not_selected', false, 0, [3]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(below.every((b) => b.revocation_ground === 3)).toBe(true);
  });

  it('judges ground 3 by the designation criterion (90%以上 of the checked indicators), not by one unmet finding', async () => {
    const nine = outside[2];
    const eight = outside[3];
    await addFindings(db, [
      ...Array.from({ length: 10 }, (_, i) => ({ region_code: nine, year: 2025, indicator_no: 10 + i, met: i !== 0 })),
      ...Array.from({ length: 10 }, (_, i) => ({ region_code: eight, year: 2025, indicator_no: 10 + i, met: i > 1 })),
    ]);
    const below = await findingsBelowBar(db, { year: 2025, bars: designationBars(loadSystems()) });
    expect(below.find((b) => b.region_code === nine)).toBeUndefined(); // 9 of 10 = 90%: 以上 includes 90%
    expect(below.find((b) => b.region_code === eight)).toMatchObject({
      share_met: 0.8,
      bar: 0.9,
      bar_source: '2023版 scoring.comprehensive_bar',
      unmet_indicators: [10, 11],
    });
  });

  it("takes the bar of the indicator-system version that governs the finding's year", async () => {
    const systems = loadSystems().map((s) =>
      s.version === '2023' ? { ...s, scoring: { ...s.scoring, comprehensive_bar: 0.4 } } : s,
    );
    const below = await findingsBelowBar(db, { year: 2025, bars: designationBars(systems) });
    expect(below.map((b) => b.region_code).sort()).toEqual([outside[0], outside[1]].sort()); // 0.5 is no longer below
  });

  it('takes a lower bar as a parameter', async () => {
    const below = await findingsBelowBar(db, { year: 2025, minShareMet: 0.5 });
    expect(below.map((b) => b.region_code).sort()).toEqual([outside[0], outside[1]].sort());
    await expect(findingsBelowBar(db, { minShareMet: 0 })).rejects.toThrow(/bar/);
  });
});
