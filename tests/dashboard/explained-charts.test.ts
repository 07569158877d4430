// @vitest-environment jsdom
// Charts that explain themselves (issue 12): a colour legend and a labelled centre line on the funnel, the
// threshold with its sign and unit, a chosen region ringed and named, the numbers behind a point in its tooltip;
// a region's trend against the pooled national line with the indicator-system changes marked. Pure functions,
// drawn in jsdom as the export draws them.
import { describe, expect, it } from 'vitest';
import { funnelChart, regionTrendChart, thresholdText, versionMarks } from '../../dashboard/src/charts/index.ts';
import { funnelRows } from './fixtures.ts';

const texts = (fig: Element) => Array.from(fig.querySelectorAll('text')).map((t) => t.textContent ?? '');
const labels = {
  limit95: '95% 控制限',
  limit998: '99.8% 控制限',
  threshold: '标准线',
  x: '分母',
  y: '数值',
  centre: '总体',
  status: { met: '达标', not_met: '未达标', no_data: '无数据' },
};

describe('funnel plot', () => {
  const fig = funnelChart(
    funnelRows.map((r, i) => ({
      ...r,
      numerator: Math.round(r.value! * r.denominator!),
      region_code: String(110101 + i),
    })),
    { document, unit: 'rate', threshold: 0.85, direction: 'higher', labels, highlight: '110103' },
  );

  it('has a colour legend of met / not met / no data in the user’s words and a labelled centre line', () => {
    const legend = fig.querySelector('.plot-swatches, [class*="swatches"]') ?? fig.parentElement ?? fig;
    expect(legend.textContent).toContain('达标');
    expect(legend.textContent).toContain('未达标');
    expect(texts(fig)).toContain('总体 90%');
  });

  it('writes the threshold with its sign', () => {
    expect(texts(fig)).toContain('标准线 ≥85%');
  });

  it('rings and names the chosen region', () => {
    expect(texts(fig).filter((t) => t === '朝阳区').length).toBeGreaterThanOrEqual(1);
    expect(fig.querySelectorAll('g[aria-label="dot"]').length).toBe(2);
  });

  it('puts the numbers behind a dot in its tooltip: value, numerator / denominator, verdict, limits', () => {
    const title = fig.querySelector('circle[data-region="110101"] title')?.textContent ?? '';
    expect(title).toMatch(
      /^东城区 \(110101\)\n\d+(\.\d)?%（\d+\/40） · (达标|未达标)\n95% 控制限 .+\n99\.8% 控制限 .+%$/,
    );
  });
});

describe('a region over the years', () => {
  const fig = regionTrendChart(
    [
      { year: 2020, value: 0.2, numerator: 2, denominator: 10, status: 'not_met' },
      { year: 2022, value: 0.1, numerator: 1, denominator: 10, status: 'met' },
      { year: 2024, value: 0.125, numerator: 3, denominator: 24, status: 'met' },
    ],
    {
      document,
      unit: 'rate',
      threshold: 0.13,
      direction: 'lower',
      versions: [
        { from: 2019, label: '2019版' },
        { from: 2022, label: '2021版' },
        { from: 2024, label: '2023版' },
      ],
      national: [
        { year: 2020, value: 0.15 },
        { year: 2022, value: 0.14 },
        { year: 2024, value: 0.13 },
      ],
      highlightYear: 2024,
      labels: { region: '本地区', national: '全国合计', threshold: '标准', status: { met: '达标', not_met: '未达标' } },
    },
  );

  it('draws the national pooled line beside the region, with a legend naming both', () => {
    const legend = (fig.parentElement ?? fig).textContent ?? '';
    expect(fig.textContent + legend).toContain('本地区');
    expect(fig.textContent + legend).toContain('全国合计');
    expect(fig.querySelectorAll('g[aria-label="line"]').length).toBe(2);
  });

  it('marks where the indicator system changed, and the threshold with ≤ and its unit', () => {
    expect(texts(fig)).toEqual(expect.arrayContaining(['2021版', '2023版', '标准≤13%']));
    expect(texts(fig)).not.toContain('2019版');
  });

  it('gives each point its numbers and verdict in the tooltip', () => {
    const titles = Array.from(fig.querySelectorAll('title')).map((t) => t.textContent);
    expect(titles).toContain('本地区 2020：20%（2/10） · 未达标 · 标准≤13%');
    expect(titles).toContain('全国合计 2022：14%');
  });
});

describe('threshold text', () => {
  it('carries the sign and the unit', () => {
    expect(thresholdText(0.9, 'higher', 'rate')).toBe('≥90%');
    expect(thresholdText(15, 'lower', 'workdays')).toBe('≤15个工作日');
    expect(thresholdText(4, 'higher', 'sessions', 'en')).toBe('≥4 sessions');
  });
  it('keeps the version changes inside the years shown', () => {
    expect(
      versionMarks(
        [
          { from: 2019, label: 'a' },
          { from: 2022, label: 'b' },
        ],
        [2019, 2020, 2021],
      ),
    ).toEqual([]);
  });
});
