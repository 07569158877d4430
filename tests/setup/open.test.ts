// Opening the database is the ground floor's job and knows only the schema; setup fills the reference tables.
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/index.ts';
import { openPreparedDatabase } from '../../pipeline/setup/open.ts';

const counts = (db: Database) =>
  db.one<{ days: number; divisions: number }>(
    'SELECT (SELECT count(*) FROM calendar_days) AS days, (SELECT count(*) FROM divisions) AS divisions',
  );

let db: Database | undefined;
afterEach(() => db?.close());

describe('opening a database', () => {
  it('creates the reference tables but leaves them empty: opening does not refresh reference data', async () => {
    db = await Database.open(':memory:');
    expect(await counts(db)).toEqual({ days: 0, divisions: 0 });
  });

  it('through setup fills the calendar and the divisions from the files under data/', async () => {
    db = await openPreparedDatabase(':memory:');
    const filled = await counts(db);
    expect(filled?.days).toBeGreaterThan(5000);
    expect(filled?.divisions).toBe(3216);
  });
});

describe("the writers' lane of a database handle", () => {
  it('runs tasks one after the other in the order they were queued, a failure not stopping the next', async () => {
    db = await Database.open(':memory:');
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = db.exclusive(async () => {
      log.push('first:start');
      await gate;
      log.push('first:end');
    });
    const failing = db.exclusive(async () => {
      log.push('failing');
      throw new Error('boom');
    });
    const third = db.exclusive(async () => {
      log.push('third');
      return 3;
    });
    await Promise.resolve();
    release();
    await first;
    await expect(failing).rejects.toThrow('boom');
    expect(await third).toBe(3);
    expect(log).toEqual(['first:start', 'first:end', 'failing', 'third']);
  });
});
