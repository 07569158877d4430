// The fast start of `shifan serve`: bin/shifan.mjs imports this small module (compiled to dist/cli/serve-early.js,
// node:http and two tiny modules, no commander, no command registry) and binds the port before the command line
// itself loads, so /api/health answers while commander, the serve command and then the database and Fastify load.
// The serve command then takes the server bound here (takeEarlyServer) instead of binding its own.
// Only a plain `serve` invocation is recognised (the options of serve.ts and the global ones, every value valid);
// anything else (help, an unknown or malformed option, another command) binds nothing here, and the command line
// gives its usual answer or error as before.
import { type EarlyServer, listenFirst } from '../api/listen-first.ts';
import { parseTrustProxy } from '../api/trust-proxy.ts';

export const DEFAULT_PORT = '8080';
export const DEFAULT_HOST = '127.0.0.1';

/** `--port` as a TCP port number (0: any free port), or undefined when it is not one. */
export function parsePort(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const port = Number(text);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

/** Options taking a value, global (main.ts's program) and serve's own; the rest are flags without one. */
const VALUED = new Set(['--db', '--lang', '--port', '--host', '--trust-proxy']);
const FLAGS = new Set(['--json', '--no-scheduler', '--no-auto-refresh']);

/** Where a plain `shifan serve …` will listen, or undefined when `argv` is anything else (see the header). */
export function serveAddress(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { port: number; host: string } | undefined {
  const values = new Map<string, string>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUED.has(name)) {
      const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || values.has(name)) return undefined;
      values.set(name, value);
    } else if (FLAGS.has(arg)) {
      // a flag: no value to read
    } else if (arg === 'serve' && command === undefined) {
      command = arg;
    } else {
      return undefined; // --help, -h, --, an unknown option, an operand, another command
    }
  }
  if (command !== 'serve') return undefined;
  const port = parsePort(values.get('--port') ?? DEFAULT_PORT);
  if (port === undefined) return undefined;
  try {
    parseTrustProxy(values.get('--trust-proxy') ?? env.SHIFAN_TRUST_PROXY);
  } catch {
    return undefined; // refused by serve.ts before it listens, as without this start
  }
  return { port, host: values.get('--host') ?? DEFAULT_HOST };
}

interface Bound {
  port: number;
  host: string;
  server: Promise<EarlyServer>;
}
let bound: Bound | undefined;

/** Binds the port of a plain `serve` invocation (see the header); resolves once it is bound (or binding failed), to
 *  whether it tried. A failure to bind (the port taken) is not reported here: the serve command reports it when it
 *  takes the server. */
export async function listenEarly(argv: readonly string[]): Promise<boolean> {
  const address = serveAddress(argv);
  if (!address || bound) return false;
  const server = listenFirst(address.port, address.host);
  bound = { ...address, server };
  await server.catch(() => undefined); // awaited again by takeEarlyServer, which reports the error
  return true;
}

/** The server listenEarly bound for this port and host, else a new one (listenFirst). */
export async function takeEarlyServer(port: number, host: string): Promise<EarlyServer> {
  const early = bound;
  bound = undefined;
  if (early && early.port === port && early.host === host) return early.server;
  if (early) await closeBound(early);
  return listenFirst(port, host);
}

/** Binds PORT and HOST now, for the serve command to take later (`shifan start`: before its first setup). */
export async function bindEarlyServer(port: number, host: string): Promise<EarlyServer> {
  const early = await takeEarlyServer(port, host);
  bound = { port, host, server: Promise.resolve(early) };
  return early;
}

/** Closes the server listenEarly bound, if any (bin/shifan.mjs: the rest of the build proved stale, so the sources
 *  run instead, and their serve command binds the port itself). */
export async function releaseEarlyServer(): Promise<void> {
  const early = bound;
  bound = undefined;
  if (early) await closeBound(early);
}

async function closeBound(early: Bound): Promise<void> {
  const server = await early.server.catch(() => undefined);
  await server?.close();
}
