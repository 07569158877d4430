// End to end: the small demo generated into a scratch folder, loaded, refreshed; every planted problem of
// planted.json must be found by the check its `expect` names. The demo's expect strings name a few metrics by
// description rather than by public id; ALIASES maps them (documented in pipeline/indicators/README.md).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import type { PlantedProblem } from '../../pipeline/demo/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { copyDemo, DEMO_TIMEOUT } from '../support/demo-cache.ts';

const ALIASES: Record<string, string[]> = {
  'disclosure.answered_on_time_rate': ['disclosure.answered_on_time'],
  'enforcement.published_on_time_rate': ['enforcement.publish_7wd', 'enforcement.publish_20wd'],
  'incident.public_opinion_response': ['opinion.release_5h', 'opinion.press_24h'],
};
const ids = (name: string) => ALIASES[name] ?? [name];

let db: Database;
let planted: PlantedProblem[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-planted-'));
  // generated, loaded and refreshed once per run (tests/support/demo-cache.ts); this file's own copy
  const { demo } = await copyDemo({ seed: 1, filesDir: join(dir, 'inbox'), database: join(dir, 'demo.duckdb') });
  planted = demo.planted;
  db = await openPreparedDatabase(join(dir, 'demo.duckdb'));
}, DEMO_TIMEOUT);
afterAll(() => db?.close());

async function found(p: PlantedProblem): Promise<boolean> {
  const flag = /^flag:(\w+) (\S+)/.exec(p.expect);
  if (flag) {
    const [, rule, what] = flag;
    const rows = await db.all(
      `SELECT 1 FROM flags WHERE status = 'active' AND rule_id = $1 AND region_code = $2 AND year = $3 AND list_contains(string_split($4, ','), detail_key)`,
      [rule, p.region_code, p.year, ids(what).join(',')],
    );
    return rows.length > 0;
  }
  const watch = /^watchlist:(\w+)/.exec(p.expect);
  if (watch) {
    return (
      (
        await db.all(
          'SELECT 1 FROM watchlist_entries WHERE kind = $1 AND region_code = $2 AND year = $3 AND is_ground',
          [watch[1], p.region_code, p.year],
        )
      ).length > 0
    );
  }
  const reject = /^reject:(\w+)/.exec(p.expect);
  if (reject) {
    return (
      (
        await db.all('SELECT 1 FROM rejects WHERE code = $1 AND file_name = $2 AND line = $3', [
          reject[1],
          p.file ?? '',
          p.line ?? 0,
        ])
      ).length > 0
    );
  }
  const m = /^([\w.]+) (met|not_met|no_data)\b/.exec(p.expect);
  if (m) {
    const rows = await db.all(
      `SELECT 1 FROM indicator_values WHERE list_contains(string_split($1, ','), metric_id) AND region_code = $2 AND year = $3 AND status = $4`,
      [ids(m[1]).join(','), p.region_code, p.year, m[2]],
    );
    return rows.length > 0;
  }
  throw new Error(`no check understands the expectation "${p.expect}" of planted problem ${p.id}`);
}

describe('planted problems of the small demo', () => {
  it('are all found by the check each names', async () => {
    expect(planted.length).toBeGreaterThanOrEqual(16);
    const missed: string[] = [];
    for (const p of planted) if (!(await found(p))) missed.push(`${p.id}: ${p.expect} (${p.region_code} ${p.year})`);
    expect(missed).toEqual([]);
  });

  it('puts the planted serious violation on the watchlist under ground 1 with its evidence line', async () => {
    const p = planted.find((x) => x.kind === 'serious_violation')!;
    const entry = await db.one<{ ground: number; evidence: string; status: string }>(
      `SELECT ground, evidence, status FROM watchlist_entries WHERE kind = 'serious_violation' AND region_code = $1`,
      [p.region_code],
    );
    expect(entry).toMatchObject({ ground: 1, status: 'flagged' });
    expect(JSON.parse(entry!.evidence)[0]).toMatchObject({ dataset: 'incidents', file_name: 'incidents.jsonl' });
  });

  it('flags both planted loss-rate outliers, the high one as unfavourable and the low one as worth verifying', async () => {
    const rows = await db.all<{ region_code: string; severity: string }>(
      `SELECT region_code, severity FROM flags WHERE rule_id = 'funnel_outlier' AND detail_key = 'litigation.loss_rate' AND year = 2024 AND status = 'active'`,
    );
    const high = planted.find((x) => x.id === 'loss-rate-high')!.region_code;
    const low = planted.find((x) => x.id === 'loss-rate-low')!.region_code;
    expect(rows).toEqual(
      expect.arrayContaining([
        { region_code: high, severity: 'high' },
        { region_code: low, severity: 'low' },
      ]),
    );
  });
});
