// The built dashboard (dashboard/dist) with an SPA fallback: any GET outside /api/ and /docs that is not a file
// gets index.html. Unknown /api/ paths get the JSON 404. Without a build, a short page says how to make one.
import fp from 'fastify-plugin';
import { CodedError } from '../../vocabulary/index.ts';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const NO_BUILD = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shifan</title></head>
<body><h1>示范 shifan</h1><p>The dashboard is not built yet: run <code>npm run build</code>, then restart <code>shifan serve</code>.</p>
<p>The API is running: see <a href="/docs">/docs</a>.</p></body></html>`;

export default fp(async function dashboardPlugin(app: FastifyInstance, opts: { staticDir?: string }) {
  const dir = opts.staticDir && existsSync(join(opts.staticDir, 'index.html')) ? opts.staticDir : undefined;
  if (dir) await app.register(fastifyStatic, { root: dir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/') || path === '/api' || req.method !== 'GET') {
      throw new CodedError('route_not_found', { method: req.method, url: path });
    }
    if (dir) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(NO_BUILD);
  });
}, { name: 'shifan-dashboard' });
