// The command line in the language asked for (issue 12 item 4, issue 13 item 1): under `--lang en` a command's table
// headings, summaries and refusals hold no Chinese but the data (region names, a round's title), and in Chinese no
// English heading; the words come from pipeline/vocabulary (cli.ts, the codes' labels, the error messages).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChinese, latinWords } from '../vocabulary/language-rules.ts';
import { csv, decisionHeader } from '../load/fixtures.ts';
import { runCli } from './run-cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'shifan-cli-lang-')), 'lang.duckdb');
const TITLE = '第九批全国法治政府建设示范地区评估认定（2031年）';

beforeAll(async () => {
  const made = await runCli([
    '--db',
    db,
    'round',
    'create',
    '2031',
    '--batch',
    '9',
    '--applications-due',
    '2031-03-03',
  ]);
  expect(made.code, made.stderr).toBe(0);
}, 120_000);

describe('shifan --lang', () => {
  it('prints a round in English under --lang en, the round title aside', async () => {
    for (const args of [
      ['round', 'list'],
      ['round', 'status', '2031', '--today', '2031-01-05'],
    ]) {
      const run = await runCli(['--db', db, ...args, '--lang', 'en']);
      expect(run.code, run.stderr).toBe(0);
      expect(hasChinese(run.stdout.split(TITLE).join('')), run.stdout).toBe(false);
      expect(run.stdout).toMatch(/Round|Step/);
    }
  });

  it('prints the same round in Chinese by default, with no English heading', async () => {
    const run = await runCli(['--db', db, 'round', 'status', '2031', '--today', '2031-01-05', '--lang', 'zh']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('步骤');
    expect(run.stdout.split('\n').flatMap((l) => latinWords(l))).toEqual([]);
  });

  it("says a round's refusal in the language asked for, with exit status 2", async () => {
    const en = await runCli(['--db', db, 'round', 'status', '2099', '--lang', 'en']);
    expect([en.code, en.stderr.trim()]).toEqual([
      2,
      'shifan: there is no naming round 2099 (create it with shifan round create)',
    ]);
    const zh = await runCli(['--db', db, 'round', 'status', '2099', '--lang', 'zh']);
    expect(zh.stderr.trim()).toBe('shifan: 没有认定批次 2099（用 shifan round create 创建）');
  });

  it('prints the job schedule with English headings and descriptions under --lang en', async () => {
    const run = await runCli(['schedule', '--list', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Job\s+cron/);
    expect(hasChinese(run.stdout), run.stdout).toBe(false);
  });

  it('prints the load log and the rejects with headings, statuses and reasons in the language asked for', async () => {
    const file = join(db, '..', 'enforcement_decisions_lang.csv');
    writeFileSync(
      file,
      csv(
        decisionHeader,
        'L1,110101,bureau,license,2024-01-05,2024-01-08,0,1',
        'L2,110101,bureau,juggling,2024-01-05,2024-01-08,0,1',
      ),
    );
    expect((await runCli(['--db', db, 'ingest', file])).code).toBe(0);
    for (const command of ['loads', 'rejects']) {
      const en = await runCli(['--db', db, command, '--lang', 'en']);
      expect(en.code, en.stderr).toBe(0);
      expect(hasChinese(en.stdout), en.stdout).toBe(false);
      const zh = await runCli(['--db', db, command, '--lang', 'zh']);
      const [heading, ...lines] = zh.stdout.split('\n');
      expect(latinWords(heading!), heading).toEqual([]);
      expect(lines.join('\n')).toMatch(command === 'loads' ? /已入库/ : /执法类别：不在允许的取值中/);
    }
  });
});
