// The package's charts are the dashboard's chart functions drawn in jsdom: SVG with the vocabulary's labels.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { allCharts } from '../../pipeline/export/charts.ts';
import type { ExportData } from '../../pipeline/export/collect.ts';

const data = {
  context: { reporting_year: 2024 },
  trend: [
    { year: 2023, regions: 90, share_meeting_bar: 0.4, mean_conformance: 0.8, mean_composite: 80, provisional: false },
    { year: 2024, regions: 92, share_meeting_bar: 0.45, mean_conformance: 0.82, mean_composite: 82, provisional: true },
  ],
  tables: [
    {
      id: 'scorecard',
      title_zh: '',
      columns: [],
      rows: [
        { conformance: 0.95, bar: 0.9 },
        { conformance: 0.85, bar: 0.9 },
      ],
    },
    {
      id: 'indicators',
      title_zh: '',
      columns: [],
      rows: [
        { name_zh: '行政诉讼败诉率', indicator_no: 73, met_share: 0.6 },
        { name_zh: '满意度', indicator_no: 84, met_share: 0.9 },
      ],
    },
    {
      id: 'flags',
      title_zh: '',
      columns: [],
      rows: [{ rule_id: 'worsening' }, { rule_id: 'sudden_drop' }, { rule_id: 'sudden_drop' }],
    },
  ],
} as unknown as ExportData;

describe('package charts', () => {
  it('draws the four charts with the dashboard chart functions, rule names and the provisional mark from the vocabulary', () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const charts = allCharts(data, window.document);
    expect(charts.map((c) => c.id)).toEqual(['trend', 'conformance', 'indicators', 'flags']);
    for (const c of charts) expect(c.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const flags = charts[3]!.svg;
    expect(flags).toContain('指标骤降');
    expect(flags).toContain('连续两年变差');
    expect(charts[0]!.note_zh).toBe('2024年：该年节假日安排未发布，涉及工作日的指标按周一至周五计算，结果为暂定。');
    // the indicator below 80% is drawn in the dashboard's not-met colour
    expect(charts[2]!.svg).toContain('#b3261e');
  });
});
