// /api/spotchecks: list and findings (tabular), certificate, and the central-only state changes: freeze, draw,
// commit, verify. Each state change runs on the writer (app.q.write) and the spotcheck module writes its audit entry.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  buildCertificate,
  commitDraw,
  DEFAULT_EXCLUSIONS,
  drawSpotcheck,
  ensureFindingsView,
  freezePool,
  verifyDraw,
  type SampleSize,
} from '../../spotcheck/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/spotchecks.ts';

const actor = (req: { user: { username: string } | null }) => `user:${req.user!.username}`;

export default async function spotcheckRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const central = requireRole('central');
  // the findings view must exist before readers query it
  await app.q.write((db) => ensureFindingsView(db));

  app.get('/spotchecks', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    return sendTable(req, reply, app.q, `spotchecks|${province}`, () =>
      app.q.rows('api/spotchecks_list', { province }),
    );
  });

  app.get('/spotchecks/findings', { schema: S.findings }, async (req, reply) => {
    const province = provinceOf(req);
    const year = req.query.year ?? null;
    return sendTable(req, reply, app.q, `findings|${year}|${province}`, () =>
      app.q.rows('api/spotcheck_findings', { year, province }),
    );
  });

  app.get('/spotchecks/:id', { schema: S.certificate }, async (req) => {
    const { id } = req.params;
    const province = provinceOf(req);
    // The certificate is built as a JSON document (pipeline/spotcheck/certificate.ts, which does not know the API);
    // its promised shape is S.Certificate, the one definition the serializer and the dashboard read.
    const built = (await asBadRequest(buildCertificate(app.db, id))).certificate as Omit<
      S.Certificate,
      'province_names'
    >;
    // province names are public: the strata of a by-province draw are shown by name to every account
    const names = await app.q.cached('province_names', () =>
      app.q.rows<{ code: string; name: string }>('api/meta_provinces', { province: null }),
    );
    const certificate = { ...built, province_names: Object.fromEntries(names.map((p) => [p.code, p.name])) };
    if (province === null) return certificate;
    return provincialCertificate(certificate, province, names);
  });

  // The files of a draw exactly as hashed (pool, strata, per-stratum pools), so that a third party given them can
  // check the hashes and recompute the draw from the page. They list regions of every province: central office and
  // admin only (a provincial account sees no other province's regions, pipeline/api/README.md).
  app.get('/spotchecks/:id/files/:name', { schema: S.file }, async (req, reply) => {
    const { id, name } = req.params;
    // Refused before the draw is read, and without echoing the name: a file name can hold a region code of
    // another province (inspectors-2025-420100.txt), and a provincial body never names one.
    if (provinceOf(req) !== null) throw new CodedError('spotcheck.files_central_only');
    const { files } = await asBadRequest(buildCertificate(app.db, id));
    // Own keys only: a name such as constructor or __proto__ must not reach Object.prototype.
    const text = Object.hasOwn(files, name) ? files[name] : undefined;
    if (text === undefined)
      throw new CodedError('spotcheck.no_such_file', {
        draw: id,
        file: name,
        files: Object.keys(files).filter((f) => !f.startsWith('inspectors-')),
      });
    const type = name.endsWith('.json')
      ? 'application/json'
      : name.endsWith('.tsv')
        ? 'text/tab-separated-values'
        : 'text/plain';
    return reply
      .type(`${type}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(text);
  });

  app.post('/spotchecks/freeze', { schema: S.freeze, preHandler: central }, async (req) => {
    const { body } = req;
    return asBadRequest(
      app.q.write((db) =>
        freezePool(db, {
          year: body.year,
          strata: body.strata ?? 'none',
          exclusions: body.exclude ?? DEFAULT_EXCLUSIONS,
          actor: actor(req),
        }),
      ),
    );
  });

  app.post('/spotchecks/:id/draw', { schema: S.draw, preHandler: central }, async (req) => {
    const { id } = req.params;
    const { body } = req;
    if ((body.proportion === undefined) === (body.count === undefined)) throw new CodedError('spotcheck.sample_size');
    const minimum = body.per_stratum_minimum === undefined ? {} : { perStratumMinimum: body.per_stratum_minimum };
    const size: SampleSize =
      body.proportion !== undefined ? { proportion: body.proportion, ...minimum } : { count: body.count!, ...minimum };
    return asBadRequest(
      app.q.write((db) =>
        drawSpotcheck(db, {
          drawId: id,
          seed: body.seed,
          size,
          teamSize: body.team_size,
          commit: body.commit ?? false,
          actor: actor(req),
        }),
      ),
    );
  });

  app.post('/spotchecks/:id/commit', { schema: S.commit, preHandler: central }, async (req) => {
    const { id } = req.params;
    return asBadRequest(app.q.write((db) => commitDraw(db, id, actor(req))));
  });

  app.post('/spotchecks/:id/verify', { schema: S.verify, preHandler: central }, async (req) => {
    const { id } = req.params;
    return asBadRequest(verifyDraw(app.db, id));
  });
}

/**
 * A provincial account's certificate: the method, parameters, hashes, seed and its own province's selections, but
 * nothing that names another province's regions (the pool's region list, other strata, their allocation and
 * per-stratum commands, the inspector snapshot). The hashes still let it check files obtained from the central
 * office.
 */
function provincialCertificate(
  c: S.Certificate,
  province: string,
  names: { code: string; name: string }[],
): S.Certificate {
  const own = (code: string) => code.slice(0, 2) === province.slice(0, 2);
  const { strata, parameters: params, selected } = c;
  const byProvince = strata?.by === 'province';
  const keep = (stratum: string) => !byProvince || own(stratum);
  return {
    ...c,
    pool: { ...c.pool, regions: undefined },
    strata: strata ? { ...strata, per_stratum: strata.per_stratum.filter((s) => keep(s.stratum)) } : null,
    parameters: {
      ...params,
      allocation: params.allocation
        ? Object.fromEntries(Object.entries(params.allocation).filter(([k]) => k === 'all' || keep(k)))
        : params.allocation,
    },
    selected: selected.filter((s) => own(s.region_code)),
    selected_total: selected.length,
    risk_targeted: c.risk_targeted.filter((s) => own(s.region_code)),
    inspectors: { ...c.inspectors, pool: [] },
    recompute: null,
    province_view: province,
    province_names: Object.fromEntries(names.filter((p) => own(p.code)).map((p) => [p.code, p.name])),
  };
}
