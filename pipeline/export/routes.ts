// The quarterly packages over HTTP: list, generate (on the writer lane, audit-logged) and download one file. A
// Fastify plugin the API mounts with its own guards (packages hold every province: central and admin read, central
// generates) and its schemas; the rules about which file may leave the server are in package-file.ts.
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createReadStream, statSync } from 'node:fs';
import { appendAudit } from '../audit/index.ts';
import { CodedError } from '../vocabulary/index.ts';
import { defaultExportsDir, listExports } from './packages.ts';
import { CONTENT_TYPES, packageFile, publicListing } from './package-file.ts';
import type * as S from '../api/schemas/jobs.ts';

export interface ExportRoutesOptions {
  readers: preHandlerHookHandler;
  writers: preHandlerHookHandler;
  /** The API's schemas of these routes (pipeline/api/schemas/jobs.ts): they type the requests and answers. */
  schemas: { list: typeof S.exports; create: typeof S.createExport; download: typeof S.download };
}

export async function exportRoutes(fastify: FastifyInstance, opts: ExportRoutesOptions) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { readers, writers, schemas } = opts;
  app.get('/exports', { schema: schemas.list, preHandler: readers }, async () =>
    listExports(defaultExportsDir()).map(publicListing),
  );

  app.post('/exports', { schema: schemas.create, preHandler: writers }, async (req) => {
    const { quarter, rebuild = false } = req.body;
    const actor = `user:${req.user!.username}`;
    const r = await app.q.write(async (db) => {
      // Loaded on first use: the renderer, workbook and zip libraries stay out of the server's start.
      const { exportQuarter } = await import('./index.ts');
      const result = await exportQuarter(db, { quarter, rebuild });
      // a rebuild is its own action, naming the package it replaced and where that one is kept
      await appendAudit(db, {
        action: result.replaced ? 'export.rebuild' : 'export.quarter',
        actor,
        subject: `export:${result.quarter}`,
        details: {
          quarter: result.quarter,
          files: result.files.length,
          pdf: result.pdf,
          as_of: result.as_of,
          ...(result.replaced
            ? { replaced_generated_at: result.replaced.generated_at, replaced_kept_in: result.replaced.kept_in }
            : {}),
        },
      });
      return result;
    });
    const listing = listExports(defaultExportsDir()).find((l) => l.quarter === r.quarter);
    if (!listing) throw new Error(`the package of ${r.quarter} was written to ${r.dir} but is not listed`);
    return {
      ...publicListing(listing),
      message: r.message,
      seconds: r.seconds,
      replaced_generated_at: r.replaced?.generated_at ?? null,
    };
  });

  app.get('/exports/:quarter/:file', { schema: schemas.download, preHandler: readers }, async (req, reply) => {
    const { quarter, file } = req.params;
    const path = packageFile(defaultExportsDir(), quarter, file);
    if (!path) throw new CodedError('export_file_not_found', { file, quarter });
    const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
    return reply
      .header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('content-length', statSync(path).size)
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });
}
