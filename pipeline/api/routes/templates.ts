// /api/templates/:file: the fill-in templates of the upload page, generated from the contracts on request (a few
// kilobytes; nothing is stored). Any signed-in user may fetch them: they hold no data.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { datasets } from '../../contracts/index.ts';
import { templateCsv, templateXlsx } from '../../templates/index.ts';
import * as S from '../schemas/templates.ts';

export default async function templateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/templates/:file', { schema: S.template }, async (req, reply) => {
    const { file } = req.params;
    const [name, ext] = file.split('.') as [string, 'csv' | 'xlsx'];
    // the route's pattern admits only the contracts' names, so the contract exists
    const contract = datasets.find((d) => d.name === name)!;
    reply.header('content-disposition', `attachment; filename="${file}"`);
    if (ext === 'csv') return reply.type('text/csv; charset=utf-8').send(templateCsv(contract));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await templateXlsx(contract));
  });
}
