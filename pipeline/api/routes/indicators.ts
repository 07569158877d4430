// /api/indicators/:metric and /api/indicators/:metric/trend (tabular: JSON or Arrow).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { allMetrics, loadSystems } from '../../indicators/index.ts';
import { provinceOf } from '../plugins/auth.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/indicators.ts';
import { defaultYear } from './meta.ts';

export default async function indicatorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // The metric parameter is one of the indicator systems' metrics, read from their files here, on the server.
  const metricIds = allMetrics(loadSystems()).map((m) => m.id);
  app.get('/indicators/:metric', { schema: S.values(metricIds) }, async (req, reply) => {
    const { metric } = req.params;
    const province = provinceOf(req);
    const dflt = await defaultYear(app);
    const year = req.query.year ?? dflt.year;
    return sendTable(req, reply, app.q, `indicator|${metric}|${year}|${province}`, async () =>
      dflt.run_id === null || year === null
        ? []
        : app.q.rows('api/indicator_rows', { run_id: dflt.run_id, metric, year, province }),
    );
  });

  app.get('/indicators/:metric/trend', { schema: S.trend(metricIds) }, async (req, reply) => {
    const { metric } = req.params;
    const province = provinceOf(req);
    const run = await app.q.latestRun();
    return sendTable(req, reply, app.q, `trend|${metric}|${province}`, async () =>
      run === null ? [] : app.q.rows('api/indicator_trend', { run_id: run.run_id, metric, province }),
    );
  });
}
