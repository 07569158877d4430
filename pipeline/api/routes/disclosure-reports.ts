// /api/disclosure-reports: the loaded 政府信息公开工作年度报告, scoped to the caller's province like every read.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listDisclosureReports } from '../../disclosure-reports/list.ts';
import { provinceOf } from '../plugins/auth.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/disclosure-reports.ts';

export default async function disclosureReportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/disclosure-reports', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const { year = null, region = null, balanced = null } = req.query;
    return sendTable(req, reply, app.q, `disclosure-reports|${year}|${region}|${balanced}|${province}`, async () =>
      listDisclosureReports(app.db, { year, region, province, balanced }),
    );
  });
}
