// /api/spotchecks: list and findings (tabular), certificate, and the central-only state changes: freeze, draw,
// commit, verify. Each state change runs on the writer (app.q.write) and the spotcheck module writes its audit entry.
import type { FastifyInstance } from 'fastify';
import {
  buildCertificate, commitDraw, DEFAULT_EXCLUSIONS, drawSpotcheck, freezePool, readDraw, verifyDraw,
  type Exclusion, type SampleSize, type Strata,
} from '../../spotcheck/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/spotchecks.ts';

const actor = (req: { user: { username: string } | null }) => `user:${req.user!.username}`;

export default async function spotcheckRoutes(app: FastifyInstance) {
  const central = requireRole('central');
  // the findings view (sql/spotcheck/findings_by_draw.sql) must exist before readers query it
  await app.q.write((db) => db.runFile('spotcheck/findings_by_draw'));

  app.get('/spotchecks', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    return sendTable(req, reply, app.q, `spotchecks|${province}`, () => app.q.rows('api/spotchecks_list', { province }));
  });

  app.get('/spotchecks/findings', { schema: S.findings }, async (req, reply) => {
    const province = provinceOf(req);
    const year = (req.query as { year?: number }).year ?? null;
    return sendTable(req, reply, app.q, `findings|${year}|${province}`, () => app.q.rows('api/spotcheck_findings', { year, province }));
  });

  app.get('/spotchecks/:id', { schema: S.certificate }, async (req) => {
    const { id } = req.params as { id: number };
    const province = provinceOf(req);
    if (province === null) return (await asBadRequest(buildCertificate(app.db, id))).certificate;
    const draw = await asBadRequest(readDraw(app.db, id));
    return { ...draw, selected: draw.selected.filter((s) => s.region_code.slice(0, 2) === province.slice(0, 2)), risk_targeted: draw.risk_targeted.filter((s) => s.region_code.slice(0, 2) === province.slice(0, 2)) };
  });

  app.post('/spotchecks/freeze', { schema: S.freeze, preHandler: central }, async (req) => {
    const body = req.body as { year: number; strata?: Strata; exclude?: Exclusion[] };
    return asBadRequest(app.q.write((db) => freezePool(db, {
      year: body.year, strata: body.strata ?? 'none', exclusions: body.exclude ?? DEFAULT_EXCLUSIONS, actor: actor(req),
    })));
  });

  app.post('/spotchecks/:id/draw', { schema: S.draw, preHandler: central }, async (req) => {
    const { id } = req.params as { id: number };
    const body = req.body as { seed: string; proportion?: string; count?: number; team_size?: number; commit: boolean };
    if ((body.proportion === undefined) === (body.count === undefined)) throw new CodedError('spotcheck.sample_size');
    const size: SampleSize = body.proportion !== undefined ? { proportion: body.proportion } : { count: body.count! };
    return asBadRequest(app.q.write((db) => drawSpotcheck(db, { drawId: id, seed: body.seed, size, teamSize: body.team_size, commit: body.commit, actor: actor(req) })));
  });

  app.post('/spotchecks/:id/commit', { schema: S.commit, preHandler: central }, async (req) => {
    const { id } = req.params as { id: number };
    return asBadRequest(app.q.write((db) => commitDraw(db, id, actor(req))));
  });

  app.post('/spotchecks/:id/verify', { schema: S.verify, preHandler: central }, async (req) => {
    const { id } = req.params as { id: number };
    return asBadRequest(verifyDraw(app.db, id));
  });
}
