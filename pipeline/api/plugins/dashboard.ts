// The built dashboard (dashboard/dist) with an SPA fallback: any GET that no route matched and that is not an API
// or docs path gets index.html (it holds no data: the page asks the API, which checks the session). Every other
// unmatched request gets the one 404 body, whoever asks and whatever the path: it neither echoes the path nor
// tells a private route from a missing one. Without a build, a short page says how to make one.
import fp from 'fastify-plugin';
import { errorBody, langOfAcceptLanguage } from '../../vocabulary/index.ts';
import fastifyStatic from '@fastify/static';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const NO_BUILD = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shifan</title></head>
<body><h1>示范 shifan</h1><p>The dashboard is not built yet: run <code>npm run build</code>, then restart <code>shifan serve</code>.</p>
<p>The API is running: see <a href="/docs">/docs</a>.</p></body></html>`;

/** The one answer to a path no route matches, whoever asks: the path is not echoed back. */
export function notFoundBody(req: FastifyRequest) {
  return errorBody('route_not_found', {}, langOfAcceptLanguage(req.headers['accept-language']));
}

/** True when an unmatched path is meant for the API or its docs, however it is spelled: percent-decoded, case,
 *  repeated or dot segments and `;params` do not turn it into a dashboard page. */
export function looksLikeApi(url: string): boolean {
  let path = url.split('?')[0];
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(path);
      if (next === path) break;
      path = next;
    } catch {
      break;
    }
  }
  const first = path
    .toLowerCase()
    .split(/[/\\]+/)
    .map((s) => s.split(';')[0])
    .find((s) => s !== '' && s !== '.');
  return first === 'api' || first === 'docs';
}

export default fp(
  async function dashboardPlugin(app: FastifyInstance, opts: { staticDir?: string }) {
    const dir = opts.staticDir && existsSync(join(opts.staticDir, 'index.html')) ? opts.staticDir : undefined;
    if (dir) {
      // In a context of its own, so that marking these routes public touches no other route.
      await app.register(async (files) => {
        files.addHook('onRoute', (route) => {
          route.config = { ...(route.config ?? {}), public: true };
        });
        await files.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] });
      });
    }
    // Answered in onRequest, before a body is read: an unmatched POST with a broken body is a 404 like any other.
    const answersNotFound = (req: FastifyRequest) =>
      looksLikeApi(req.url) || (req.method !== 'GET' && req.method !== 'HEAD');
    app.addHook('onRequest', async (req, reply) => {
      if (req.is404 && answersNotFound(req)) return reply.status(404).send(notFoundBody(req));
    });
    app.setNotFoundHandler((req, reply) => {
      if (answersNotFound(req)) return reply.status(404).send(notFoundBody(req));
      // read here rather than with reply.sendFile: @fastify/static lives in its own context (above)
      if (dir) return reply.type('text/html; charset=utf-8').send(createReadStream(join(dir, 'index.html')));
      return reply.type('text/html; charset=utf-8').send(NO_BUILD);
    });
  },
  { name: 'shifan-dashboard' },
);
