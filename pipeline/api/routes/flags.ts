// /api/flags (tabular), /api/flags/:id (with evidence and triage), POST /api/flags/:id/triage (central: acknowledge,
// dismiss, escalate), /api/records/:dataset/:load_id/:line (the source row).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { datasets } from '../../contracts/index.ts';
import { triageFlag } from '../../flags/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/flags.ts';
import { defaultYear } from './meta.ts';

/** Datasets without a region column hold national figures: their rows are not province-scoped. */
/** The list's filters besides year, region and status (sql/api/flags_list.sql), each a string or absent. */
const FILTERS = ['severity', 'rule', 'only_province', 'designation', 'level', 'triage', 'region_status'] as const;

const NATIONAL = new Set(datasets.filter((d) => !d.columns.some((c) => c.name === 'region_code')).map((d) => d.name));

export default async function flagRoutes(fastify: FastifyInstance) {
  // Requests typed from the TypeBox schemas: no casts of query or params.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/flags', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const { query } = req;
    const year = query.all_years ? null : (query.year ?? (await defaultYear(app)).year);
    const region = query.region ?? null;
    const s = query.status === 'all' ? null : query.status;
    const filters = {
      year,
      region,
      status: s,
      province,
      ...Object.fromEntries(FILTERS.map((k) => [k, query[k] ?? null])),
      batch: query.batch ?? null,
      in_term: query.scope === 'designated',
    };
    const key = JSON.stringify(filters);
    const [{ total }] = await app.q.cached(`flags_count|${key}`, () =>
      app.q.rows<{ total: number }>('api/flags_count', filters),
    );
    reply.header('x-total-count', String(total));
    return sendTable(req, reply, app.q, `flags|${key}|${query.limit}|${query.offset}`, async () =>
      app.q.rows('api/flags_list', { ...filters, limit: query.limit, offset: query.offset }),
    );
  });

  app.get('/flags/:id', { schema: S.detail }, async (req) => {
    const { id } = req.params;
    const [flag] = await app.q.rows<Omit<S.FlagDetail, 'numbers' | 'evidence' | 'triage'> & { numbers: string | null }>(
      'api/flag_one',
      { flag_id: id, province: provinceOf(req) },
    );
    if (!flag) throw new CodedError('flag_not_found', { id });
    const evidence = await app.q.rows<S.EvidenceRow>('api/flag_evidence', { flag_id: id });
    const [triage] = await app.q.rows<Omit<S.TriageRecord, 'history'>>('flags/triage/state', { flag_id: flag.flag_id });
    const history = triage
      ? await app.q.rows<S.TriageRecord['history'][number]>('flags/triage/history', { flag_id: triage.flag_id })
      : [];
    return {
      ...flag,
      numbers: flag.numbers ? (JSON.parse(flag.numbers) as S.FlagNumbers) : null,
      evidence,
      triage: triage ? { ...triage, history } : null,
    };
  });

  app.post('/flags/:id/triage', { schema: S.triage, preHandler: requireRole('central') }, async (req) => {
    const { id } = req.params;
    const { decision, reason } = req.body;
    const [flag] = await app.q.rows<{ flag_id: string }>('api/flag_one', { flag_id: id, province: null });
    if (!flag) throw new CodedError('flag_not_found', { id });
    const by = `user:${req.user!.username}`;
    return app.q.write((db) => triageFlag(db, { flagId: flag.flag_id, decision, reason, by }));
  });

  app.get('/records/:dataset/:load_id/:line', { schema: S.record }, async (req) => {
    const { dataset, load_id, line } = req.params;
    const [row] = NATIONAL.has(dataset)
      ? await app.q.rows<Record<string, unknown>>('api/record_row_national', { dataset, load_id, line })
      : await app.q.rows<Record<string, unknown>>('api/record_row', {
          dataset,
          load_id,
          line,
          province: provinceOf(req),
        });
    if (!row) throw new CodedError('record_not_found', { dataset, line, load_id });
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Date)
        row[k] = v.toISOString().endsWith('T00:00:00.000Z') ? v.toISOString().slice(0, 10) : v.toISOString();
    }
    return { dataset, load_id, line, row };
  });
}
