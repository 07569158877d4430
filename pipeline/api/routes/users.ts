// /api/users: the admin's account screen (list, add, disable, enable, reset password, set province). Every route
// needs the admin role; the changes run on the writer and pipeline/users writes the audit entry in the same
// transaction. A generated password is in the answer once and never stored in clear.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { addUser, disableUser, listUsers } from '../../users/index.ts';
import { enableUser, resetPassword, setProvince } from '../../users/manage.ts';
import { requireRole } from '../plugins/auth.ts';
import { asBadRequest, CodedError } from '../plugins/errors.ts';
import * as S from '../schemas/users.ts';

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireRole('admin');
  const actor = (req: { user: { username: string } | null }) => `user:${req.user!.username}`;
  const name = (req: { params: { username: string } }) => req.params.username;

  app.get('/users', { schema: S.list, preHandler: admin }, async () => listUsers(app.db));

  app.post('/users', { schema: S.add, preHandler: admin }, async (req) => {
    const { body } = req;
    const { user, password } = await asBadRequest(
      app.q.write((db) => addUser(db, { ...body, province_code: body.province_code ?? null }, actor(req))),
    );
    return { user, password };
  });

  app.post('/users/:username/disable', { schema: S.disable, preHandler: admin }, async (req) => {
    if (name(req) === req.user!.username) throw new CodedError('own_account');
    await asBadRequest(app.q.write((db) => disableUser(db, name(req), actor(req))));
    return { ok: true };
  });

  app.post('/users/:username/enable', { schema: S.enable, preHandler: admin }, async (req) => {
    await asBadRequest(app.q.write((db) => enableUser(db, name(req), actor(req))));
    return { ok: true };
  });

  // The reset generates the password (long, random, shown once): one sent along is refused, saying so, rather than
  // ignored, so an admin (or a script) that meant to set it does not believe it was set.
  app.post('/users/:username/password', { schema: S.resetPassword, preHandler: admin }, async (req) => {
    const body = req.body;
    if (body && typeof body === 'object' && 'password' in body) {
      throw new CodedError('user.password_generated');
    }
    const result = await asBadRequest(app.q.write((db) => resetPassword(db, name(req), actor(req))));
    return result;
  });

  app.post('/users/:username/province', { schema: S.setProvince, preHandler: admin }, async (req) => {
    await asBadRequest(app.q.write((db) => setProvince(db, name(req), req.body.province_code, actor(req))));
    return { ok: true };
  });
}
