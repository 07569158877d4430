// Builds the Fastify app on an open database; never listens (server.ts does). Register order: errors, database,
// security headers, rate limit, OpenAPI (before the routes so it sees them), auth, multipart, the route groups,
// then the built dashboard with its SPA fallback.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Database } from '../db/index.ts';
import errors from './plugins/errors.ts';
import dbPlugin from './plugins/db.ts';
import auth from './plugins/auth.ts';
import dashboard from './plugins/dashboard.ts';
import { routeGroups } from './routes/index.ts';
import { UPLOAD_LIMIT_BYTES } from './routes/data.ts';

export interface AppOptions {
  db: Database;
  /** the built dashboard (dashboard/dist); without it, non-API paths get a page saying to run `npm run build` */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** false only when serving plain http on localhost; default true */
  secureCookies?: boolean;
  /** login attempts per minute per client address and username (default 10) */
  loginAttemptsPerMinute?: number;
  /** largest upload in bytes (default UPLOAD_LIMIT_BYTES, 512 MiB; XLSX files are further capped by the reader) */
  uploadLimit?: number;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
  });
  await app.register(errors);
  await app.register(dbPlugin, { db: opts.db });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'shifan API', description: 'Law-based government demonstration regions: indicators, flags, spot checks, watchlist, data. Session cookie + x-csrf-token on state changes; see pipeline/api/README.md.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shifan_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(auth, { secureCookies: opts.secureCookies });
  await app.register(multipart, { limits: { fileSize: opts.uploadLimit ?? UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });
  const groupOptions = { prefix: '/api', loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 10, uploadLimit: opts.uploadLimit ?? UPLOAD_LIMIT_BYTES };
  for (const group of routeGroups) await app.register(group as FastifyPluginAsync<typeof groupOptions>, groupOptions);
  await app.register(dashboard, { staticDir: opts.staticDir });
  return app;
}
