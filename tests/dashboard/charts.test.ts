// @vitest-environment jsdom
// Chart functions render on fixed rows in jsdom; the SVG, normalised, must match the committed snapshots.
import { describe, expect, it, vi } from 'vitest';
import {
  bucketChart,
  countBarsChart,
  funnelChart,
  histogramChart,
  isOutlier,
  linesChart,
  medianBandChart,
  statusTrendChart,
} from '../../dashboard/src/charts/index.ts';
import { counts, funnelRows, seriesRows, trendRows } from './fixtures.ts';

/** Round long decimals and renumber generated ids so snapshots do not churn on float noise. */
function normalise(el: Element): string {
  let ids = 0;
  const idMap = new Map<string, string>();
  return el.outerHTML
    .replace(/\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/plot-[0-9a-f]{6,}(-\d+)?/g, (m) => {
      if (!idMap.has(m)) idMap.set(m, `plot-${++ids}`);
      return idMap.get(m)!;
    })
    .replace(/></g, '>\n<');
}

const snap = (name: string, el: Element) => expect(normalise(el)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);

describe('funnel chart', () => {
  it('draws 95% and 99.8% limit lines, the threshold, a dot per region and labels only the outliers', async () => {
    const fig = funnelChart(funnelRows, {
      document,
      unit: 'rate',
      threshold: 0.85,
      labels: { limit95: '95% 控制限', limit998: '99.8% 控制限', threshold: '标准线', x: '分母', y: '数值' },
    });
    expect(fig.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(funnelRows.length);
    expect(fig.querySelectorAll('g[aria-label="line"]')).toHaveLength(4);
    const outliers = funnelRows.filter(isOutlier).map((r) => r.region_name);
    expect(outliers).toEqual(['海淀区', '顺义区']);
    const texts = Array.from(fig.querySelectorAll('g[aria-label="text"] text')).map((t) => t.textContent);
    for (const name of outliers) expect(texts).toContain(name);
    expect(texts).not.toContain('东城区');
    await snap('funnel', fig);
  });

  it('marks each dot with its region and calls back with the row on click', () => {
    const onClick = vi.fn();
    const fig = funnelChart(funnelRows, { document, unit: 'rate', onClick });
    const dot = fig.querySelector('circle[data-region="110104"]')!;
    dot.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ region_code: '110104', region_name: '海淀区' }));
  });

  it('leaves out regions without a value or a denominator', () => {
    const rows = [
      ...funnelRows,
      { ...funnelRows[0]!, region_code: '999999', value: null },
      { ...funnelRows[1]!, region_code: '999998', denominator: 0 },
    ];
    const fig = funnelChart(rows, { document, unit: 'rate' });
    expect(fig.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(funnelRows.length);
  });
});

describe('trend charts', () => {
  it('stacks met, not met and no data per year with a legend', async () => {
    const fig = statusTrendChart(trendRows, {
      document,
      labels: { met: '达标', not_met: '未达标', no_data: '无数据' },
    });
    expect(fig.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(trendRows.length * 3);
    expect(fig.textContent).toContain('未达标');
    await snap('status-trend', fig);
  });

  it('draws the median line over the P10–P90 band with the threshold', async () => {
    const fig = medianBandChart(trendRows, { document, unit: 'rate', threshold: 0.85 });
    expect(fig.querySelector('g[aria-label="area"]')).not.toBeNull();
    expect(fig.querySelector('g[aria-label="rule"]')).not.toBeNull();
    await snap('median-band', fig);
  });

  it('draws one line per series with percentages on the axis', async () => {
    const fig = linesChart(seriesRows, { document, unit: 'rate' });
    expect(fig.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(fig.textContent).toMatch(/\d+%/);
    await snap('lines', fig);
  });
});

describe('distribution charts', () => {
  it('bins values into a histogram with the threshold rule', async () => {
    const fig = histogramChart(funnelRows, { document, unit: 'rate', threshold: 0.85 });
    expect(fig.querySelectorAll('g[aria-label="rect"] rect').length).toBeGreaterThan(2);
    await snap('histogram', fig);
  });

  it('writes each count at the end of its bar, categories in the given order', async () => {
    const fig = countBarsChart(counts, { document });
    const labels = Array.from(fig.querySelectorAll('g[aria-label="text"] text')).map((t) => t.textContent);
    expect(labels).toEqual(['40', '50', '45', '38']);
    await snap('count-bars', fig);
  });

  it('keeps pre-binned buckets in the order the API gives', async () => {
    const fig = bucketChart(
      [
        { bucket: '0–50%', count: 3 },
        { bucket: '50–80%', count: 12 },
        { bucket: '80–100%', count: 40 },
      ],
      { document },
    );
    expect(fig.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(3);
    await snap('buckets', fig);
  });
});
