// Funnel limits of a run: read the rates (sql/indicators/refresh/funnel_input.sql), compute limits per metric and year with
// funnel.ts, append them to funnel_limits. The math is in TypeScript because exact binomial quantiles with
// interpolation are not SQL; the few hundred thousand rows of a national run go through an appender.
import type { Database } from '../db/index.ts';
import { funnel, type FunnelRow } from './funnel.ts';

interface InputRow { metric_id: string; year: number; region_code: string; numerator: number; denominator: number; direction: string }

export async function computeFunnels(db: Database, runId: number): Promise<number> {
  const rows = await db.allFile<InputRow>('indicators/refresh/funnel_input');
  const groups = new Map<string, InputRow[]>();
  for (const r of rows) {
    const key = `${r.metric_id}\u0000${r.year}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const appender = await db.connection.createAppender('funnel_limits');
  let written = 0;
  try {
    for (const g of groups.values()) {
      const { metric_id, year, direction } = g[0];
      for (const f of funnel(g)) {
        appendRow(appender, runId, metric_id, year, f, direction);
        written++;
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return written;
}

type Appender = Awaited<ReturnType<Database['connection']['createAppender']>>;

function appendRow(a: Appender, runId: number, metricId: string, year: number, f: FunnelRow, direction: string): void {
  // Column order of funnel_limits (sql/schema/030_indicators.sql).
  a.appendInteger(runId);
  a.appendVarchar(metricId);
  a.appendInteger(year);
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
  const worse = direction === 'lower' ? f.position.startsWith('above') : f.position.startsWith('below');
  a.appendBoolean(f.position !== 'within' && worse);
  a.endRow();
}
