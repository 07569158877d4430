// /api/risk: the ranked risk queue (pipeline/risk), province-scoped like every read (the provincial account's
// province is a bound parameter of the queue's SQL, so it ranks its own regions only). Cached until the next write.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { riskQueue } from '../../risk/index.ts';
import { provinceOf } from '../plugins/auth.ts';
import { sendCachedJson } from '../plugins/table.ts';
import * as S from '../schemas/risk.ts';
import { defaultYear } from './meta.ts';

export default async function riskRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/risk', { schema: S.queue }, async (req, reply) => {
    const province = provinceOf(req);
    const { query } = req;
    const year = query.year ?? (await defaultYear(app)).year;
    return sendCachedJson(req, reply, app.q, `risk|${year}|${query.scope}|${query.limit}|${province}`, async () => {
      if (year === null)
        return { year: 0, scope: query.scope, as_of: null, complete: false, total: 0, shared: [], rows: [] };
      const q = await riskQueue((name, params) => app.q.rows(name, params), { year, scope: query.scope, province });
      return {
        year: q.year,
        scope: q.scope,
        as_of: q.as_of,
        complete: q.complete,
        total: q.rows.length,
        shared: q.shared,
        rows: q.rows.slice(0, query.limit),
      };
    });
  });
}
