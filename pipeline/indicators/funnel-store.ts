// Funnel limits of a run: read the rates (sql/indicators/refresh/funnel_input.sql), compute limits per metric and year with
// funnel.ts, control the false-discovery rate over each year's tests (all metrics of the year together), append
// them to funnel_limits. The math is in TypeScript because exact binomial quantiles with interpolation are not
// SQL; the few hundred thousand rows of a national run go through an appender.
import type { Database } from '../db/index.ts';
import { benjaminiHochberg, FUNNEL_SETTINGS, type FunnelRow, funnel, type OverdispersionModel } from './funnel.ts';

interface InputRow {
  metric_id: string;
  year: number;
  region_code: string;
  numerator: number;
  denominator: number;
  direction: string;
}

export interface FunnelChoice {
  /** Model where the χ² test finds over-dispersion (default additive). */
  model?: OverdispersionModel;
  /** Benjamini–Hochberg false-discovery rate per year (default 0.05). */
  fdrQ?: number;
}

interface Tested {
  metricId: string;
  year: number;
  direction: string;
  row: FunnelRow;
}

export async function computeFunnels(db: Database, runId: number, choice: FunnelChoice = {}): Promise<number> {
  const q = choice.fdrQ ?? FUNNEL_SETTINGS.fdrQ;
  const rows = await db.allFile<InputRow>('indicators/refresh/funnel_input');
  const groups = new Map<string, InputRow[]>();
  for (const r of rows) {
    const key = `${r.metric_id}\u0000${r.year}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const byYear = new Map<number, Tested[]>();
  for (const g of groups.values()) {
    const { metric_id, year, direction } = g[0];
    const list = byYear.get(year) ?? [];
    byYear.set(year, list);
    for (const row of funnel(g, { model: choice.model })) list.push({ metricId: metric_id, year, direction, row });
  }
  const appender = await db.connection.createAppender('funnel_limits');
  let written = 0;
  try {
    for (const tests of byYear.values()) {
      const qValues = benjaminiHochberg(tests.map((t) => t.row.p_value));
      tests.forEach((t, i) => {
        appendRow(appender, runId, t, qValues[i], q);
        written++;
      });
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return written;
}

type Appender = Awaited<ReturnType<Database['connection']['createAppender']>>;

function appendRow(a: Appender, runId: number, t: Tested, qValue: number, q: number): void {
  const f = t.row;
  // Column order of funnel_limits (sql/schema/030_indicators.sql, then the columns 034 added).
  a.appendInteger(runId);
  a.appendVarchar(t.metricId);
  a.appendInteger(t.year);
  a.appendVarchar(f.region_code);
  a.appendDouble(f.numerator);
  a.appendDouble(f.denominator);
  a.appendDouble(f.value);
  a.appendDouble(f.target);
  a.appendDouble(f.phi);
  a.appendBoolean(f.adjusted);
  a.appendDouble(f.lower95);
  a.appendDouble(f.upper95);
  a.appendDouble(f.lower998);
  a.appendDouble(f.upper998);
  a.appendDouble(f.z);
  a.appendVarchar(f.position);
  const worse = t.direction === 'lower' ? f.position.startsWith('above') : f.position.startsWith('below');
  a.appendBoolean(f.position !== 'within' && worse);
  a.appendVarchar(f.model);
  a.appendDouble(f.tau2);
  a.appendDouble(f.chi2);
  a.appendInteger(f.chi2_df);
  a.appendDouble(f.chi2_p);
  a.appendDouble(f.p_value);
  a.appendDouble(qValue);
  a.appendDouble(q);
  a.appendBoolean(qValue <= q);
  a.endRow();
}
