// Fixed rows for chart snapshots: no clock, no randomness, local data only.
import type { FunnelRow, TrendRow } from '../../dashboard/src/charts/index.ts';

const names = [
  '东城区',
  '西城区',
  '朝阳区',
  '海淀区',
  '丰台区',
  '石景山区',
  '门头沟区',
  '房山区',
  '通州区',
  '顺义区',
  '昌平区',
  '大兴区',
];

/** A funnel around target 0.9: limits from the binomial normal approximation, two regions beyond 99.8%. */
export const funnelRows: FunnelRow[] = names.map((name, i) => {
  const n = 40 + i * 37;
  const p = 0.9;
  const se = Math.sqrt((p * (1 - p)) / n);
  const value = i === 3 ? 0.7 : i === 9 ? 0.995 : p + ((i % 5) - 2) * 0.6 * se;
  return {
    region_code: String(110101 + i),
    region_name: name,
    denominator: n,
    value,
    status: value >= 0.85 ? 'met' : 'not_met',
    lower95: p - 1.96 * se,
    upper95: p + 1.96 * se,
    lower998: p - 3.09 * se,
    upper998: p + 3.09 * se,
    target: p,
    threshold: 0.85,
  };
});

export const trendRows: TrendRow[] = [2019, 2020, 2021, 2022, 2023, 2024].map((year, i) => ({
  year,
  met: 30 + i * 3,
  not_met: 15 - i * 2,
  no_data: 5 - (i % 3),
  median: 0.8 + i * 0.02,
  p10: 0.6 + i * 0.02,
  p90: 0.95 + i * 0.005,
}));

export const seriesRows = trendRows.flatMap((r) => [
  { year: r.year, series: '执法公示（7 个工作日）', value: r.median },
  { year: r.year, series: '行政诉讼败诉率', value: r.p10 },
]);

export const counts = [
  { label: '第一批', count: 40 },
  { label: '第二批', count: 50 },
  { label: '第三批', count: 45 },
  { label: '第四批', count: 38 },
];
