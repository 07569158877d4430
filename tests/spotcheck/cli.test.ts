import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../pipeline/db/index.ts';
import { addInspectors, addRegions, designatedRegions, inspectorSet, SEED } from './fixtures.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';
import { runCli } from '../cli/run-cli.ts';

const { SHIFAN_DB: _ignored, ...env } = process.env;

/** The real executable in a process of its own (for the case where another process holds the database). */
function spawnShifan(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'shifan.mjs'), ...args], { encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command line in this process (tests/cli/run-cli.ts), with SHIFAN_DB unset as for the spawned one. */
async function shifan(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const r = await runCli(args, { SHIFAN_DB: undefined });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('shifan spotcheck sample', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-sample-'));
  const pool = join(dir, 'pool.txt');
  writeFileSync(pool, 'A-1\nA-2\nA-3\nB-1\nB-2\nB-3\n');

  it('prints the ids in draw order with their tickets, needing no database even while another process holds it', async () => {
    const dbPath = join(dir, 'held.duckdb');
    const holder = await openPreparedDatabase(dbPath);
    try {
      const r = spawnShifan(['--db', dbPath, 'spotcheck', 'sample', '--seed', '314159', '--pool', pool, '--take', '4']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => l.split('\t')[0]),
      ).toEqual(['B-2', 'B-3', 'A-3', 'A-2']);
      expect(r.stdout).toMatch(/^B-2\t0\.\d{64,}\n/);
    } finally {
      holder.close();
    }
  });

  it('prints an array of {"id", "ticket"} with --json', async () => {
    const r = await shifan(['spotcheck', 'sample', '--seed', '314159', '--pool', pool, '--json']);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]).sort()).toEqual(['id', 'ticket']);
  });

  it('says which file it cannot read, with exit code 2', async () => {
    const r = await shifan(['spotcheck', 'sample', '--seed', '1', '--pool', join(dir, 'missing.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read the pool file .*missing\.txt/);
  });
});

describe('shifan spotcheck freeze, draw, verify and audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shifan-cli-'));
  const dbPath = join(dir, 'shifan.duckdb');
  beforeAll(async () => {
    const db = await openPreparedDatabase(dbPath);
    await addRegions(db, designatedRegions(['11', '31', '44'], 5));
    await addInspectors(db, inspectorSet(6, ['11', '31', '44']));
    db.close();
  });

  it('runs the year from freeze to a verified committed draw, with the JSON shape the issue names', async () => {
    const frozen = await shifan([
      '--db',
      dbPath,
      '--json',
      'spotcheck',
      'freeze',
      '--year',
      '2025',
      '--strata',
      'province',
    ]);
    expect(frozen.status).toBe(0);
    const f = JSON.parse(frozen.stdout);
    const drawn = await shifan([
      '--db',
      dbPath,
      'spotcheck',
      'draw',
      '--year',
      '2025',
      '--seed',
      SEED,
      '--proportion',
      '0.2',
      '--json',
    ]);
    expect(drawn.stderr).toBe('');
    const d = JSON.parse(drawn.stdout);
    expect(d).toMatchObject({ draw_id: f.draw_id, pool_sha256: f.pool_sha256, state: 'committed' });
    expect(d.selected).toHaveLength(3);
    expect(Object.keys(d.selected[0]).sort()).toEqual([
      'inclusion_probability',
      'inspectors',
      'region_code',
      'stratum',
      'ticket',
    ]);
    expect((await shifan(['--db', dbPath, 'spotcheck', 'verify', String(d.draw_id)])).stdout).toMatch(/verified/);
    expect((await shifan(['--db', dbPath, 'audit', 'verify'])).stdout).toMatch(/audit log intact: 3 entries/);
  });

  it('exits 1 and names the broken entry when the audit log was edited', async () => {
    const db = await openPreparedDatabase(dbPath);
    await db.run(`UPDATE audit_log SET actor = 'someone' WHERE seq = 2`);
    db.close();
    const r = await shifan(['--db', dbPath, 'audit', 'verify']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at seq 2 \(edited\)/);
  });

  it('refuses a draw without a sample size as a usage error', async () => {
    const r = await shifan(['--db', dbPath, 'spotcheck', 'draw', '--year', '2026', '--seed', SEED]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--proportion P .* or --count N/);
  });
});
