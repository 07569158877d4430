// /api/naming: the naming round (pipeline/naming). Every read is private and a provincial account sees its own
// province's applicants only (the province is bound in the SQL, and the ranking — computed over every applicant,
// so ranks are national — is filtered to the province's rows); every change is the central office's, written with
// its audit entry by pipeline/naming.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { namingExportDir } from '../../naming/export-dir.ts';
import {
  addCandidates,
  applicantScorecards,
  contradictions,
  createRound,
  decide,
  fieldCheckLists,
  fieldCheckResults,
  getRound,
  listRounds,
  makeFieldCheckList,
  parseFieldCheckRule,
  publishNotice,
  rankRound,
  type Round,
  roundStatus,
  verifyFieldCheckList,
} from '../../naming/index.ts';
import { shanghaiToday } from '../../spotcheck/pool.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/naming.ts';

export default async function namingRoutes(fastify: FastifyInstance) {
  // Requests typed from the TypeBox schemas (schemas/naming.ts): no casts of query, params or body.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const central = requireRole('central');
  const centralOrAdmin = requireRole('central', 'admin');
  // Reads of the round's data are kept until the next write (Queries.cached drops them at every write and job run):
  // the applicants' scorecards cost some 40 ms of DuckDB per request and each naming page asks for them again. The
  // dates a read depends on are its parameters (the round's timetable is read against `today`), never the clock.
  // Each caller gets its own copy, which it may change.
  const q = async (name: string, params: Record<string, unknown>) =>
    structuredClone(
      await app.q.cached(`naming|${name}|${JSON.stringify(params)}`, () => app.q.rows(name, params as never)),
    );
  const inProvince = <T extends { region_code: string }>(rows: T[], province: string | null) =>
    province ? rows.filter((r) => `${r.region_code.slice(0, 2)}0000` === province) : rows;

  // the round's own refusals are coded (RoundError, naming.*); asBadRequest is the net for anything older
  const roundOf = (id: string): Promise<Round> => getRound(q, id);
  const change = <T>(p: Promise<T>) => asBadRequest(p);

  app.get('/naming/rounds', { schema: S.list }, async () => listRounds(q));

  app.post('/naming/rounds', { schema: S.create, preHandler: central }, async (req) => {
    const b = req.body;
    const rule = b.field_check ? parseFieldCheckRule(b.field_check) : undefined;
    return change(
      app.q.write((db) =>
        createRound(
          db,
          {
            round_id: b.round_id,
            batch: b.batch,
            year: b.year ?? Number(b.round_id.slice(0, 4)),
            title: b.title,
            data_from: b.data_from,
            data_to: b.data_to,
            applications_due: b.applications_due,
            field_check_rule: rule,
            kinds: b.kinds,
            fields: b.fields,
            step_workdays: b.workdays,
          },
          `user:${req.user!.username}`,
        ),
      ),
    );
  });

  app.get('/naming/rounds/:round', { schema: S.status }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    const today = req.query.today ?? shanghaiToday();
    return roundStatus(q, round, { today, province: provinceOf(req) });
  });

  app.get('/naming/rounds/:round/applicants', { schema: S.applicants }, async (req) => {
    const round = await roundOf(req.params.round);
    const region = req.query.region ?? null;
    return applicantScorecards(q, round, { province: provinceOf(req), region });
  });

  app.get('/naming/rounds/:round/contradictions', { schema: S.contradictions }, async (req) => {
    const round = await roundOf(req.params.round);
    const region = req.query.region ?? null;
    return contradictions(q, round, { province: provinceOf(req), region });
  });

  app.get('/naming/rounds/:round/ranking', { schema: S.ranking }, async (req) => {
    const round = await roundOf(req.params.round);
    const ranking = await app.q.cached(`naming-ranking|${round.round_id}`, () => rankRound(q, round));
    return inProvince(ranking, provinceOf(req));
  });

  app.get('/naming/rounds/:round/field-check', { schema: S.fieldCheck }, async (req) => {
    const round = await roundOf(req.params.round);
    const province = provinceOf(req);
    const [list] = await fieldCheckLists(q, round.round_id);
    const results = inProvince(await fieldCheckResults(q, round.round_id), province);
    if (!list) return { list: null, verification: null, results };
    const verification = await verifyFieldCheckList(q, round, list.list_id);
    const mine = (codes: string[]) => (province ? codes.filter((c) => `${c.slice(0, 2)}0000` === province) : codes);
    return {
      list: {
        list_id: list.list_id,
        made_at: list.made_at,
        made_by: list.made_by,
        rule: list.rule,
        inputs_sha256: list.inputs_sha256,
        regions: mine(list.regions),
        size: list.regions.length,
      },
      verification: { ...verification, recomputed: mine(verification.recomputed) },
      results,
    };
  });

  app.post('/naming/rounds/:round/field-check', { schema: S.makeFieldCheck, preHandler: central }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    const list = await change(app.q.write((db) => makeFieldCheckList(db, round, `user:${req.user!.username}`)));
    return { list_id: list.list_id, regions: list.regions, inputs_sha256: list.inputs_sha256 };
  });

  app.get('/naming/rounds/:round/candidates', { schema: S.candidates }, async (req) => {
    const round = await roundOf(req.params.round);
    const province = provinceOf(req);
    const [notice] = await app.q.rows<NonNullable<S.Candidates['notice']>>('naming/notice', { round: round.round_id });
    return {
      notice: notice ?? null,
      candidates: await app.q.rows<S.Candidates['candidates'][number]>('naming/candidates', {
        round: round.round_id,
        province,
      }),
      objections: await app.q.rows<S.Candidates['objections'][number]>('naming/objections', {
        round: round.round_id,
        province,
      }),
    };
  });

  app.post('/naming/rounds/:round/candidates', { schema: S.addCandidates, preHandler: central }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    const { regions } = req.body;
    await change(app.q.write((db) => addCandidates(db, round, regions, `user:${req.user!.username}`)));
    return { added: regions };
  });

  app.post('/naming/rounds/:round/notice', { schema: S.notice, preHandler: central }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    const { starts_on, medium } = req.body;
    return change(
      app.q.write((db) => publishNotice(db, round, starts_on, medium ?? null, `user:${req.user!.username}`)),
    );
  });

  app.post('/naming/rounds/:round/decisions', { schema: S.decision, preHandler: central }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    return change(app.q.write((db) => decide(db, round, req.body, `user:${req.user!.username}`)));
  });

  app.get('/naming/rounds/:round/reports', { schema: S.reports }, async (req) => {
    const round = await roundOf(req.params.round);
    return app.q.rows<S.ReportRow>('naming/reports', {
      round: round.round_id,
      province: provinceOf(req),
      search: req.query.search ?? null,
      with_text: false,
    });
  });

  app.post('/naming/rounds/:round/export', { schema: S.makeExport, preHandler: central }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    // the workbook and PDF libraries load with the first export, not with the server
    const { exportRound } = await import('../../naming/export.ts');
    const result = await change(app.q.write((db) => exportRound(db, round, `user:${req.user!.username}`)));
    return { pdf: result.pdf, manifest_sha256: result.manifest_sha256, files: result.files };
  });

  app.get('/naming/rounds/:round/export', { schema: S.exportStatus, preHandler: centralOrAdmin }, async (req) => {
    const { round } = req.params;
    await roundOf(round);
    const manifest = join(namingExportDir(round), 'manifest.json');
    if (!existsSync(manifest)) return { manifest_sha256: null, files: [] };
    const text = readFileSync(manifest, 'utf8');
    const { files } = JSON.parse(text) as { files: { name: string; bytes: number; sha256: string }[] };
    return { manifest_sha256: createHash('sha256').update(text).digest('hex'), files };
  });

  // Exports hold every province's applicants: like the quarterly packages, for the central office and admin only.
  app.get(
    '/naming/rounds/:round/export/:file',
    { schema: S.downloadExport, preHandler: centralOrAdmin },
    async (req, reply) => {
      const { round, file } = req.params;
      const path = join(namingExportDir(round), file);
      if (!existsSync(path)) throw new CodedError('naming.export_missing', { round, file });
      const type = file.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : file.endsWith('.pdf')
          ? 'application/pdf'
          : file.endsWith('.html')
            ? 'text/html; charset=utf-8'
            : 'application/json';
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="naming-${round}-${file}"`)
        .header('content-length', statSync(path).size)
        .header('cache-control', 'no-store')
        .send(createReadStream(path));
    },
  );
}
