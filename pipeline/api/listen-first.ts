// `shifan serve` listens before it has anything heavy loaded: the HTTP server is made and bound here with nothing but
// node:http, so the port is taken (or refused) at once and /api/health, the liveness check (no login, no database
// work), is answered while the database opens and the app is built. Every other request made meanwhile is held,
// unread, and handed to the app the moment it is ready, so nothing asked during the start is lost or refused; if the
// start fails, each held request gets 503 before the server closes. Fastify then serves on this same server
// (its `serverFactory` option, see takeServer). `shifan start` binds it before its first setup, which takes a minute or
// more, and answers meanwhile with a page that says how far the setup is (meanwhile; pipeline/cli/early-answers.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The body /api/health gives while the app is starting: alive, and saying so. */
export const STARTING_HEALTH = '{"ok":true,"starting":true}';

export interface EarlyServer {
  server: Server;
  /** http://host:port/ as bound (port 0 gives the port chosen) */
  url: string;
  /** Fastify's serverFactory: keeps the app's handler (live only after ready()) and returns this server. */
  takeServer: (handler: Handler) => Server;
  /** The app is ready: requests go to it from now on, the held ones first, in the order they came. */
  ready: () => void;
  /** The start failed: held requests get 503 (ANSWER's, in the caller's words; cli/early-answers.ts), then the
   *  server closes. */
  fail: (answer?: Handler) => Promise<void>;
  /** Stops listening and drops idle keep-alive connections (the app's onClose calls it). */
  close: () => Promise<void>;
  /** Until the app is ready, HANDLER answers every request (the health check too) instead of holding it; undefined
   *  goes back to holding. */
  meanwhile: (handler: Handler | undefined) => void;
  /** requests held so far (tests) */
  held: () => number;
}

function isHealth(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.url ?? '').split('?')[0] === '/api/health';
}

export function listenFirst(port: number, host: string): Promise<EarlyServer> {
  let live: Handler | undefined;
  let appHandler: Handler | undefined;
  let interim: Handler | undefined;
  const held: Array<[IncomingMessage, ServerResponse]> = [];
  const server = createServer((req, res) => {
    if (live) return live(req, res);
    if (interim) {
      // whatever the caller's answer throws stays with this request: the server, and the start behind it, go on
      try {
        return interim(req, res);
      } catch {
        if (!res.headersSent) res.writeHead(500, { connection: 'close' });
        return res.end();
      }
    }
    if (isHealth(req)) {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      return res.end(req.method === 'HEAD' ? undefined : STARTING_HEALTH);
    }
    held.push([req, res]);
  });
  // Fastify's defaults for the server it would have made itself (fastify.js): long keep-alive, and no time limit on
  // receiving a request, which a large upload over a slow link needs.
  server.keepAliveTimeout = 72_000;
  server.requestTimeout = 0;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
        takeServer: (handler) => {
          appHandler = handler;
          return server;
        },
        ready: () => {
          if (!appHandler) throw new Error('listenFirst: the app never took the server (serverFactory)');
          live = appHandler;
          for (const [req, res] of held.splice(0)) if (!res.destroyed) live(req, res);
        },
        fail: async (answer) => {
          interim = undefined;
          for (const [req, res] of held.splice(0)) {
            if (res.destroyed) continue;
            if (answer) {
              answer(req, res);
              continue;
            }
            res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
            res.end('{"error":{"code":"start_failed","params":{},"message":"the server failed to start"}}');
          }
          await close();
        },
        close,
        meanwhile: (handler) => {
          interim = handler;
        },
        held: () => held.length,
      });
    });
  });
}
