// /api/flags (tabular), /api/flags/:id (with evidence and triage), POST /api/flags/:id/triage (central: acknowledge,
// dismiss, escalate), /api/records/:dataset/:load_id/:line (the source row).
import type { FastifyInstance } from 'fastify';
import { datasets } from '../../contracts/index.ts';
import { type TriageDecision, triageFlag } from '../../flags/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { asBadRequest, notFound } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/flags.ts';
import { defaultYear } from './meta.ts';

/** Datasets without a region column hold national figures: their rows are not province-scoped. */
/** The list's filters besides year, region and status (sql/api/flags_list.sql), each a string or absent. */
const FILTERS = ['severity', 'rule', 'only_province', 'designation', 'level', 'triage', 'region_status'] as const;

const NATIONAL = new Set(datasets.filter((d) => !d.columns.some((c) => c.name === 'region_code')).map((d) => d.name));

export default async function flagRoutes(app: FastifyInstance) {
  app.get('/flags', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const query = req.query as {
      year?: number;
      all_years?: boolean;
      region?: string;
      status: string;
      limit: number;
      offset: number;
    } & Partial<Record<(typeof FILTERS)[number], string>> & { batch?: number; scope?: 'designated' | 'all' };
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
    const { id } = req.params as { id: string };
    const [flag] = await app.q.rows<{ numbers: string | null }>('api/flag_one', {
      flag_id: id,
      province: provinceOf(req),
    });
    if (!flag) throw notFound(`no flag ${id} among the regions you may see`);
    const evidence = await app.q.rows('api/flag_evidence', { flag_id: id });
    const [triage] = await app.q.rows<Record<string, unknown>>('flags/triage/state', {
      flag_id: (flag as { flag_id?: string }).flag_id ?? id,
    });
    const history = triage ? await app.q.rows('flags/triage/history', { flag_id: triage.flag_id as string }) : [];
    return {
      ...flag,
      numbers: flag.numbers ? JSON.parse(flag.numbers) : null,
      evidence,
      triage: triage ? { ...triage, history } : null,
    };
  });

  app.post('/flags/:id/triage', { schema: S.triage, preHandler: requireRole('central') }, async (req) => {
    const { id } = req.params as { id: string };
    const { decision, reason } = req.body as { decision: TriageDecision; reason?: string };
    const [flag] = await app.q.rows<{ flag_id: string }>('api/flag_one', { flag_id: id, province: null });
    if (!flag) throw notFound(`no flag ${id}`);
    const by = `user:${req.user!.username}`;
    return asBadRequest(app.q.write((db) => triageFlag(db, { flagId: flag.flag_id, decision, reason, by })));
  });

  app.get('/records/:dataset/:load_id/:line', { schema: S.record }, async (req) => {
    const { dataset, load_id, line } = req.params as { dataset: string; load_id: number; line: number };
    const [row] = NATIONAL.has(dataset)
      ? await app.q.rows<Record<string, unknown>>('api/record_row_national', { dataset, load_id, line })
      : await app.q.rows<Record<string, unknown>>('api/record_row', {
          dataset,
          load_id,
          line,
          province: provinceOf(req),
        });
    if (!row) throw notFound(`no ${dataset} row at line ${line} of load ${load_id} among the regions you may see`);
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Date)
        row[k] = v.toISOString().endsWith('T00:00:00.000Z') ? v.toISOString().slice(0, 10) : v.toISOString();
    }
    return { dataset, load_id, line, row };
  });
}
