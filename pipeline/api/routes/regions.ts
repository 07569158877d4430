// /api/regions (tabular) and /api/regions/:code (one region's page; 404 outside the caller's province, as for a code that does not exist).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { provinceOf } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import { sendCachedJson, sendTable } from '../plugins/table.ts';
import * as S from '../schemas/regions.ts';
import { defaultYear } from './meta.ts';

export default async function regionRoutes(fastify: FastifyInstance) {
  // Requests typed from the TypeBox schemas: no casts of query or params.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/regions', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const dflt = await defaultYear(app);
    const { query } = req;
    const year = query.year ?? dflt.year;
    const all = query.scope === 'all';
    const only = query.province ?? null;
    return sendTable(req, reply, app.q, `regions|${year}|${province}|${only}|${all}`, async () =>
      app.q.rows('api/regions_list', {
        run_id: dflt.run_id ?? -1,
        year: year ?? -1,
        province,
        only_province: only,
        all,
      }),
    );
  });

  app.get('/regions/:code', { schema: S.detail }, async (req, reply) => {
    const { code } = req.params;
    const province = provinceOf(req);
    const [region] = await app.q.rows<S.RegionDetail['region']>('api/region_one', { code });
    // Another province's region and a code that exists nowhere answer alike (same status, same body), so a
    // provincial account cannot even learn which codes exist elsewhere.
    if (!region || (province !== null && region.province_code !== province))
      throw new CodedError('region_not_found', {});
    const dflt = await defaultYear(app);
    const year = req.query.year ?? dflt.year;
    const run_id = dflt.run_id ?? -1;
    return sendCachedJson(req, reply, app.q, `region|${code}|${year}|${province}`, async () => ({
      region,
      year,
      scorecard_by_year: await app.q.rows('api/region_scorecard', { run_id, code, province }),
      metrics: await app.q.rows('api/region_metrics', { run_id, code, province }),
      reports: await app.q.rows('api/region_reports', { code, province }),
      flags: await app.q.rows('api/region_flags', { code, province }),
      spotchecks: await app.q.rows('api/region_spotchecks', { code, province }),
      peers: await app.q.rows('api/region_peers', { run_id, code, year: year ?? -1, province }),
    }));
  });
}
