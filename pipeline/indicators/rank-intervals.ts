// The composite's rank intervals: the office's weights are unpublished (every weight is 1 until it sets them), so a
// single rank would claim more than the data says. For each complete year and each group of regions assessed on the
// same metric set, the per-metric scores are re-weighted 500 times (weight-draws.ts) and each region's 90% rank
// interval is stored in scorecard.rank_low / rank_high next to the rank under the configured weights.
import type { Database } from '../db/index.ts';
import { rankIntervals } from './weight-draws.ts';

interface ScoreRow {
  region_code: string;
  year: number;
  metric_set: string;
  metric_id: string;
  weight: number;
  score: number;
}

export async function computeRankIntervals(db: Database, method: string, draws = 500): Promise<number> {
  const rows = await db.allFile<ScoreRow>('indicators/refresh/rank_scores', { method });
  const groups = new Map<string, ScoreRow[]>();
  for (const r of rows) {
    const key = `${r.year}\u0000${r.metric_set}`;
    const g = groups.get(key) ?? [];
    groups.set(key, g);
    g.push(r);
  }
  const out: Array<{ region_code: string; year: number; low: number; high: number }> = [];
  for (const g of groups.values()) {
    const metrics = [...new Set(g.map((r) => r.metric_id))].sort();
    const col = new Map(metrics.map((m, i) => [m, i]));
    const base = metrics.map((m) => g.find((r) => r.metric_id === m)!.weight);
    const regions = [...new Set(g.map((r) => r.region_code))].sort();
    const row = new Map(regions.map((c, i) => [c, i]));
    const parts = regions.map(() => new Array<number>(metrics.length).fill(0));
    for (const r of g) parts[row.get(r.region_code)!][col.get(r.metric_id)!] = r.score;
    const intervals = rankIntervals(parts, base, { draws });
    regions.forEach((c, i) => {
      out.push({ region_code: c, year: g[0].year, low: intervals[i].low, high: intervals[i].high });
    });
  }
  if (out.length) await db.runFile('indicators/refresh/rank_intervals', { rows: JSON.stringify(out) });
  return out.length;
}
