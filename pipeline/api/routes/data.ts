// /api/data/* (tabular: loads, rejects, freshness) and the central-only state changes that load or recompute:
// POST /api/upload (the same ingestFile as `shifan ingest`) and POST /api/refresh. Both run on the writer and
// are audited (data.upload, refresh.run) after the feature's own transaction.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { appendAudit } from '../../audit/index.ts';
import { datasets } from '../../contracts/index.ts';
import { refresh } from '../../indicators/index.ts';
import { ingestFile } from '../../load/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/data.ts';

const DATASETS = new Set(datasets.map((d) => d.name));

export default async function dataRoutes(app: FastifyInstance) {
  const central = requireRole('central');

  app.get('/data/loads', { schema: S.loads }, async (req, reply) => {
    const limit = (req.query as { limit: number }).limit;
    return sendTable(req, reply, app.q, `loads|${limit}`, () => app.q.rows('api/data_loads', { limit }));
  });

  app.get('/data/rejects', { schema: S.rejects }, async (req, reply) => {
    const { load = null, limit } = req.query as { load?: number; limit: number };
    const province = provinceOf(req);
    return sendTable(req, reply, app.q, `rejects|${load}|${limit}|${province}`, () => app.q.rows('api/data_rejects', { load_id: load, limit, province }));
  });

  app.get('/data/freshness', { schema: S.freshness }, async (req, reply) => {
    const province = provinceOf(req);
    return sendTable(req, reply, app.q, `freshness|${province}`, () => app.q.rows('api/data_freshness', { province }));
  });

  app.post('/upload', { schema: S.upload, preHandler: central }, async (req) => {
    if (!req.isMultipart()) throw new CodedError('unsupported_media_type');
    const dir = mkdtempSync(join(tmpdir(), 'shifan-upload-'));
    try {
      let path: string | null = null;
      let dataset: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (path) throw new CodedError('upload.one_file');
          const name = basename(part.filename || 'upload').replace(/[^\p{L}\p{N}._-]/gu, '_') || 'upload';
          path = join(dir, name);
          await pipeline(part.file, createWriteStream(path));
          if (part.file.truncated) throw new CodedError('too_large');
        } else if (part.fieldname === 'dataset' && typeof part.value === 'string' && part.value !== '') {
          if (!DATASETS.has(part.value)) throw new CodedError('upload.unknown_dataset', { dataset: part.value, known: [...DATASETS] });
          dataset = part.value;
        }
      }
      if (!path) throw new CodedError('upload.no_file');
      const file = path;
      const actor = `user:${req.user!.username}`;
      const result = await app.q.write(async (db) => {
        const r = await ingestFile(db, file, { source: 'upload', dataset });
        await appendAudit(db, {
          action: 'data.upload', actor, subject: r.load_id ? `load:${r.load_id}` : `file:${r.file}`,
          details: { file: r.file, dataset: r.dataset ?? null, status: r.status, loaded: r.loaded, rejected: r.rejected },
        });
        return r;
      });
      const rejects = result.load_id ? await app.q.rows('api/data_rejects', { load_id: result.load_id, limit: 200, province: null }) : [];
      return { result, rejects };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.post('/refresh', { schema: S.refresh, preHandler: central }, async (req) => {
    const actor = `user:${req.user!.username}`;
    return app.q.write(async (db) => {
      const r = await refresh(db, { actor });
      await appendAudit(db, { action: 'refresh.run', actor, subject: `run:${r.run_id}`, details: { as_of: r.as_of, metric_rows: r.metric_rows, flags_active: r.flags_active, flags_new: r.flags_new } });
      return r;
    });
  });
}
