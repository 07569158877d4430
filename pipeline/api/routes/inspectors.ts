// /api/inspectors: the inspector register behind the second random draw (teams). The central office draws and
// keeps the register; the admin may too (setting up a fresh install). Changes run on the writer, audited.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { importInspectorsText, listInspectors, updateInspector } from '../../spotcheck/register.ts';
import { requireRole } from '../plugins/auth.ts';
import { asBadRequest } from '../plugins/errors.ts';
import * as S from '../schemas/inspectors.ts';
import { defaultYear } from './meta.ts';

export default async function inspectorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const keepers = requireRole('central', 'admin');
  const actor = (req: { user: { username: string } | null }) => `user:${req.user!.username}`;

  app.get('/inspectors', { schema: S.list, preHandler: keepers }, async (req) => {
    const year = req.query.year ?? (await defaultYear(app)).year ?? new Date().getFullYear();
    return listInspectors(app.db, year);
  });

  app.post('/inspectors/import', { schema: S.importCsv, preHandler: keepers }, async (req) => {
    const { body } = req;
    return asBadRequest(
      app.q.write((db) => importInspectorsText(db, body.csv, body.file_name ?? 'inspectors.csv', actor(req))),
    );
  });

  app.post('/inspectors/:id', { schema: S.update, preHandler: keepers }, async (req) => {
    const { id } = req.params;
    return asBadRequest(app.q.write((db) => updateInspector(db, id, req.body, actor(req))));
  });
}
