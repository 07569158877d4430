// /api/data/* (tabular: loads, rejects, freshness) and the central-only state changes that load or recompute:
// POST /api/upload (the same ingestFile as `shifan ingest`), POST /api/upload/check (the same checks, nothing loaded)
// and POST /api/refresh. Both run on the writer and
// are audited (data.upload, refresh.run) after the feature's own transaction.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { rmSync } from 'node:fs';
import { appendAudit } from '../../audit/index.ts';
import { datasets } from '../../contracts/index.ts';
import { duckdb } from '../../db/duckdb-module.ts';
import { historyTable } from '../../contracts/ddl.ts';
import { refresh } from '../../indicators/index.ts';
import { checkFile, ingestFile } from '../../load/index.ts';
import { receiveUpload } from '../receive-upload.ts';
import { uploadCheck } from '../schemas/upload-check.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/data.ts';

/**
 * The largest upload. The server streams an upload to disk and loads it in bounded memory (CSV by DuckDB, XLSX
 * row by row), so the cap guards the disk and the time of one load, not the memory: 512 MiB holds a CSV of about
 * 6 M decisions; bigger deliveries go into the inbox folder (data/inbox) or `shifan ingest`.
 */
export const UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

/** The failing cells a check sends back: enough to mark every bad cell of the preview's rows and many more. */
const CHECK_REJECT_LIMIT = 5000;
/** History tables of the datasets whose rows belong to a region: what a load can hold of a province. */
const REGIONAL_TABLES = duckdb.listValue(
  datasets.filter((d) => d.columns.some((c) => c.name === 'region_code')).map(historyTable),
);

export default async function dataRoutes(fastify: FastifyInstance, opts: { uploadLimit?: number }) {
  // Requests typed from the TypeBox schemas (schemas/data.ts): no casts.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const limitMb = Math.round((opts.uploadLimit ?? UPLOAD_LIMIT_BYTES) / 2 ** 20);
  const central = requireRole('central');

  // A provincial office sees only the loads that brought rows of its regions, with its own row counts: a file's
  // totals, rejects and message describe every province in it (sql/api/data_loads_province.sql).
  app.get('/data/loads', { schema: S.loads }, async (req, reply) => {
    const { limit } = req.query;
    const province = provinceOf(req);
    if (province !== null) {
      return sendTable(req, reply, app.q, `loads|${limit}|${province}`, () =>
        app.q.rows('api/data_loads_province', { limit, province, tables: REGIONAL_TABLES }),
      );
    }
    return sendTable(req, reply, app.q, `loads|${limit}`, () => app.q.rows('api/data_loads', { limit }));
  });

  app.get('/data/rejects', { schema: S.rejects }, async (req, reply) => {
    const { load = null, limit } = req.query;
    const province = provinceOf(req);
    return sendTable(req, reply, app.q, `rejects|${load}|${limit}|${province}`, () =>
      app.q.rows('api/data_rejects', { load_id: load, limit, province }),
    );
  });

  app.get('/data/freshness', { schema: S.freshness }, async (req, reply) => {
    const province = provinceOf(req);
    if (province !== null) {
      return sendTable(req, reply, app.q, `freshness|${province}`, () =>
        app.q.rows('api/data_freshness_province', { province, tables: REGIONAL_TABLES }),
      );
    }
    return sendTable(req, reply, app.q, 'freshness|', () => app.q.rows('api/data_freshness', { province }));
  });

  app.post('/upload', { schema: S.upload, preHandler: central }, async (req) => {
    // Beside the database, so a server killed mid-upload leaves nothing behind once it starts again (pipeline/db/scratch.ts).
    const dir = app.q.db.scratch('upload');
    try {
      const { path: file, dataset } = await receiveUpload(req, dir, limitMb);
      const actor = `user:${req.user!.username}`;
      const result = await app.q.write(async (db) => {
        const r = await ingestFile(db, file, { source: 'upload', dataset, loadedBy: req.user!.username });
        await appendAudit(db, {
          action: 'data.upload',
          actor,
          subject: r.load_id ? `load:${r.load_id}` : `file:${r.file}`,
          details: {
            file: r.file,
            dataset: r.dataset ?? null,
            status: r.status,
            loaded: r.loaded,
            rejected: r.rejected,
          },
        });
        return r;
      });
      const rejects = result.load_id
        ? await app.q.rows<S.RejectRow>('api/data_rejects', { load_id: result.load_id, limit: 200, province: null })
        : [];
      return { result, rejects };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The preview's check: the same reading and rules as the load, on the writer (it uses the loader's temp tables),
  // but nothing is loaded, recorded or audited.
  app.post('/upload/check', { schema: uploadCheck, preHandler: central }, async (req) => {
    const dir = app.q.db.scratch('upload-check');
    try {
      const { path, dataset } = await receiveUpload(req, dir, limitMb);
      const r = await app.q.write((db) => checkFile(db, path, { dataset }));
      return {
        ...r,
        rejects: r.rejects.slice(0, CHECK_REJECT_LIMIT).map((x) => ({
          line: x.line,
          column: x.column_name,
          code: x.code,
          value: x.value,
        })),
        reject_cells: r.rejects.length,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.post('/refresh', { schema: S.refresh, preHandler: central }, async (req) => {
    const actor = `user:${req.user!.username}`;
    return app.q.write(async (db) => {
      const r = await refresh(db, { actor });
      await appendAudit(db, {
        action: 'refresh.run',
        actor,
        subject: `run:${r.run_id}`,
        details: { as_of: r.as_of, metric_rows: r.metric_rows, flags_active: r.flags_active, flags_new: r.flags_new },
      });
      return r;
    });
  });
}
