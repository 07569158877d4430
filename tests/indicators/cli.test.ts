// The command line over a small handmade database: refresh prints seconds and rows/s, indicators --json has the
// public shape, flags and watchlist print Chinese tables, watchlist set moves a status. The commands run in this
// process (tests/cli/run-cli.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addRegions, addRows } from './fixtures.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { runCli } from '../cli/run-cli.ts';

const dbPath = join(mkdtempSync(join(tmpdir(), 'shifan-cli-')), 'cli.duckdb');
/** stdout of `shifan --db <test db> ARGS`, which must succeed. */
async function shifan(...args: string[]): Promise<string> {
  const run = await runCli(['--db', dbPath, ...args]);
  if (run.code !== 0) throw new Error(`shifan ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  const db = await openPreparedDatabase(dbPath);
  await addRegions(db, [{ code: '110101', name: '东城区' }]);
  await addRows(db, 'satisfaction_surveys', [{ region_code: '110101', year: 2024, respondents: 100, satisfied: 70 }]);
  await addRows(db, 'incidents', [
    {
      event_id: 'SV1',
      region_code: '110101',
      kind: 'serious_violation',
      occurred_at: '2024-03-01 10:00:00',
      description: '违法强拆',
    },
  ]);
  db.close();
}, 60_000);

describe('shifan refresh / indicators / flags / watchlist', () => {
  it('refreshes and prints seconds and rows/s', async () => {
    expect(await shifan('refresh', '--as-of', '2025-02-01')).toMatch(
      /刷新完成（运行 1）：数据日期 2025-02-01[\s\S]*\d+\.\d\d s，读取 \d+ 行，[\d,]+ rows\/s/,
    );
  });

  it('gives indicators --json as the public array of values', async () => {
    const rows = JSON.parse(await shifan('--json', 'indicators', '--year', '2024', '--region', '110101'));
    expect(rows).toHaveLength(41);
    const s = rows.find((r: { indicator: string }) => r.indicator === 'satisfaction.rate');
    expect(Object.keys(s)).toEqual([
      'region_code',
      'indicator',
      'indicator_no',
      'value',
      'numerator',
      'denominator',
      'threshold',
      'status',
      'provisional',
    ]);
    expect(s).toEqual({
      region_code: '110101',
      indicator: 'satisfaction.rate',
      indicator_no: 84,
      value: 0.7,
      numerator: 70,
      denominator: 100,
      threshold: 0.8,
      status: 'not_met',
      provisional: false,
    });
  });

  it('prints the scorecard as a Chinese table and says the weights are unpublished', async () => {
    const out = await shifan('indicators', '--year', '2024', '--region', '110101');
    expect(out).toMatch(/110101 东城区 2024年（指标体系2023版）/);
    expect(out).toMatch(/群众对化解矛盾纠纷工作满意度 satisfaction\.rate\s+70\.0%\s+70\/100\s+≥80\.0%\s+未达标/);
    expect(out).toContain('未公布正式权重，默认各指标等权');
  });

  it("prints flags with evidence and the year's watchlist entries", async () => {
    const out = await shifan('flags', '--year', '2024');
    expect(out).toMatch(/\[中\] 110101 东城区 metric_not_met@1 satisfaction\.rate/);
    expect(out).toContain('证据 satisfaction_surveys 110101|2024  satisfaction_surveys.csv:2');
    expect(out).toMatch(/2024年摘牌观察名单[\s\S]*依据\(一\) 严重违法行政行为或不作为乱作为\s+已列入/);
  });

  it('prints the same flags and watchlist in English with --lang en, from the same codes', async () => {
    const out = await shifan('--lang', 'en', 'flags', '--year', '2024');
    expect(out).toMatch(/\[Medium\] 110101 东城区 metric_not_met@1 satisfaction\.rate/);
    expect(out).toContain('2024 Public satisfaction with dispute resolution not met: 70.0% (70/100)');
    expect(out).toMatch(/Ground \(1\) serious unlawful administrative act, or inaction \/ misconduct\s+Listed/);
  });

  it('moves a watchlist entry with a note and refuses an illegal move with exit code 2', async () => {
    const [entry] = JSON.parse(await shifan('--json', 'watchlist'));
    expect(
      await shifan(
        'watchlist',
        'set',
        entry.entry_id.slice(0, 12),
        'under_review',
        '--note',
        '核查',
        '--by',
        'analyst:li',
      ),
    ).toContain('【核查中】');
    expect((await runCli(['--db', dbPath, 'watchlist', 'set', entry.entry_id, 'flagged', '--note', 'x'])).code).toBe(2);
  });
});
