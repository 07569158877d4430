// /api/watchlist: list (tabular), one entry with evidence and history, and the central-only changes: a status move
// with a note, a hand entry on ground 1, 2 or 4. pipeline/watchlist writes the history row and the audit entry in
// its transaction.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { addManualEntry, setStatus } from '../../watchlist/index.ts';
import { provinceOf, requireRole } from '../plugins/auth.ts';
import { CodedError } from '../plugins/errors.ts';
import { sendTable } from '../plugins/table.ts';
import * as S from '../schemas/watchlist.ts';

export default async function watchlistRoutes(fastify: FastifyInstance) {
  // Requests typed from the TypeBox schemas: no casts of query, params or body.
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const central = requireRole('central');

  const readEntry = async (id: string, province: string | null) => {
    const [entry] = await app.q.rows<Omit<S.WatchEntry, 'evidence' | 'history'> & { evidence: string }>(
      'api/watchlist_one',
      { entry_id: id, province },
    );
    if (!entry) throw new CodedError('watch_entry_not_found', { id });
    return {
      ...entry,
      // always JSON: refresh and pipeline/watchlist write it, in one of the shapes S.WatchEvidence lists
      evidence: JSON.parse(entry.evidence) as S.WatchEvidence,
      history: await app.q.rows<S.WatchHistoryRow>('api/watchlist_history', { entry_id: id }),
    };
  };

  app.get('/watchlist', { schema: S.list }, async (req, reply) => {
    const province = provinceOf(req);
    const status = req.query.status ?? null;
    const region = req.query.region ?? null;
    return sendTable(req, reply, app.q, `watchlist|${status}|${region}|${province}`, () =>
      app.q.rows('api/watchlist_list', { status, region, province }),
    );
  });

  app.get('/watchlist/:id', { schema: S.detail }, async (req) => readEntry(req.params.id, provinceOf(req)));

  app.post('/watchlist/:id/status', { schema: S.setStatus, preHandler: central }, async (req) => {
    const { id } = req.params;
    const { status, note } = req.body;
    await readEntry(id, null);
    const updated = await app.q.write((db) => setStatus(db, id, status, { by: `user:${req.user!.username}`, note }));
    return readEntry(updated.entry_id, null);
  });

  app.post('/watchlist', { schema: S.add, preHandler: central }, async (req) => {
    const { body } = req;
    const [known] = await app.q.rows('api/region_one', { code: body.region_code });
    if (!known) throw new CodedError('region_not_found', {});
    const added = await app.q.write((db) =>
      addManualEntry(db, {
        region: body.region_code,
        ground: body.ground ?? 4,
        reason: body.reason,
        year: body.year,
        flagIds: body.flag_ids,
        by: `user:${req.user!.username}`,
      }),
    );
    return readEntry(added.entry_id, null);
  });
}
