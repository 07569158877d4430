// A request that finds the server's disk full is answered 507 storage.full_server in the caller's language, without
// the server's file path (the administrator reads it in the log), instead of a bare 500.
import { writeFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorsPlugin from '../../pipeline/api/plugins/errors.ts';

let app: FastifyInstance;
const logged: string[] = [];

beforeAll(async () => {
  app = Fastify({
    logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } },
  });
  await app.register(errorsPlugin);
  // what an upload or a write meets on a full disk: Node's ENOSPC (a write to /dev/full) and DuckDB's failed commit
  app.post('/node-write', async () => {
    writeFileSync('/dev/full', 'x');
    return {};
  });
  app.post('/duckdb-commit', async () => {
    throw new Error(
      'TransactionContext Error: Failed to commit: Could not write file "/srv/shifan/data/shifan.duckdb.wal": No space left on device',
    );
  });
  app.post('/other', async () => {
    throw new Error('Binder Error: column "x" not found');
  });
});
afterAll(() => app.close());

describe('a full disk in the API', () => {
  it('is 507 storage.full_server in Chinese by default and in English when asked, with no path', async () => {
    for (const url of ['/node-write', '/duckdb-commit']) {
      const zh = await app.inject({ method: 'POST', url });
      expect(zh.statusCode, url).toBe(507);
      expect(zh.json()).toEqual({
        error: {
          code: 'storage.full_server',
          params: {},
          message: '服务器磁盘空间不足，这次操作没有保存，已有的数据不受影响；请管理员腾出空间后重试',
        },
      });
      const en = await app.inject({ method: 'POST', url, headers: { 'accept-language': 'en-US' } });
      expect(en.json().error.message).toBe(
        "the server's disk is full: this was not saved and the data already there is intact; ask the administrator to free some space, then try again",
      );
      expect(en.body).not.toContain('/srv/shifan');
    }
    // the administrator has the file in the log
    expect(logged.join('')).toContain('/srv/shifan/data/shifan.duckdb.wal');
  });

  it('leaves any other server failure a 500 internal', async () => {
    const res = await app.inject({ method: 'POST', url: '/other' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
  });
});
