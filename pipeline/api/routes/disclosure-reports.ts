// /api/disclosure-reports: the loaded 政府信息公开工作年度报告, scoped to the caller's province like every read.
import type { FastifyInstance } from 'fastify';
import { listDisclosureReports } from '../../disclosure-reports/list.ts';
import { provinceOf } from '../plugins/auth.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/disclosure-reports.ts';

export default async function disclosureReportRoutes(app: FastifyInstance) {
  app.get('/disclosure-reports', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const {
      year = null,
      region = null,
      balanced = null,
    } = req.query as { year?: number; region?: string; balanced?: boolean };
    return sendTable(req, reply, app.q, `disclosure-reports|${year}|${region}|${balanced}|${province}`, async () =>
      listDisclosureReports(app.db, { year, region, province, balanced }),
    );
  });
}
