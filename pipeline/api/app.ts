// Builds the Fastify app on an open database; never listens (server.ts does). Register order: errors, database,
// security headers, OpenAPI (before the routes so it sees them), auth (an onRequest hook on every
// route: private unless the route is marked public), the OpenAPI UI, multipart, the route groups, then the built
// dashboard with its SPA fallback.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Database } from '../db/index.ts';
import type { ThrottleOptions } from '../users/throttle.ts';
import type { LazySchemaCompilers } from './lazy-schemas.ts';
import errors, { clientError, frameworkError } from './plugins/errors.ts';
import dbPlugin from './plugins/db.ts';
import figures, { type AutoRefreshOptions } from './plugins/figures.ts';
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
  /** login throttling (pipeline/users/throttle.ts; defaults there) */
  loginThrottle?: Partial<ThrottleOptions>;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client address (default false: none) */
  trustProxy?: boolean | number | string | string[];
  /** refresh the figures after new loads (plugins/figures.ts); off unless given (`shifan serve` turns it on) */
  autoRefresh?: AutoRefreshOptions | false;
  /** largest upload in bytes (default UPLOAD_LIMIT_BYTES, 512 MiB; XLSX files are further capped by the reader) */
  uploadLimit?: number;
  /** serve on a server made and bound before the app (listen-first.ts); Fastify then never listens itself */
  serverFactory?: FastifyServerOptions['serverFactory'];
  /** compile route schemas on first use (lazy-schemas.ts; `shifan serve`); default: all while building */
  lazySchemas?: LazySchemaCompilers;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // a hop count n trusts the n nearest proxies (Fastify's types only know the function form of it)
    trustProxy:
      typeof opts.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(opts.trustProxy)
        : (opts.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
    ...(opts.serverFactory ? { serverFactory: opts.serverFactory } : {}),
    ...(opts.lazySchemas
      ? {
          schemaController: {
            compilersFactory: opts.lazySchemas.compilersFactory,
          } as FastifyServerOptions['schemaController'],
        }
      : {}),
  });
  await app.register(errors);
  await app.register(dbPlugin, { db: opts.db });
  await app.register(figures, { autoRefresh: opts.autoRefresh ?? false });
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
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'shifan API',
        description:
          'Law-based government demonstration regions: indicators, flags, spot checks, watchlist, data. Session cookie + x-csrf-token on state changes; see pipeline/api/README.md.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shifan_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(auth, { secureCookies: opts.secureCookies });
  // After auth, so its routes get the session check like any other: the API description is for account holders.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(multipart, { limits: { fileSize: opts.uploadLimit ?? UPLOAD_LIMIT_BYTES, files: 1, fields: 5 } });
  const groupOptions = {
    prefix: '/api',
    loginThrottle: opts.loginThrottle,
    uploadLimit: opts.uploadLimit ?? UPLOAD_LIMIT_BYTES,
  };
  for (const group of routeGroups) await app.register(group as FastifyPluginAsync<typeof groupOptions>, groupOptions);
  await app.register(dashboard, { staticDir: opts.staticDir });
  return app;
}
