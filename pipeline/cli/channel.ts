// Where a running `shifan serve` listens for the command line: a Unix socket beside the database file, and a
// token file beside it. Both are created mode 0600, so only the server's own user (and root) can connect and
// read the token; the client refuses a token file that anyone else could read or that another user owns.
// Messages are JSON, one per line (see channel-server.ts for the exchange).
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ChannelPaths {
  socket: string;
  token: string;
}

/** Unix socket paths are limited to about 107 bytes; longer ones move to the temp folder under a hash. */
const SOCKET_PATH_MAX = 100;

export function channelPaths(dbPath: string): ChannelPaths {
  const abs = resolve(dbPath);
  const real = existsSync(abs) ? realpathSync(abs) : abs;
  const beside = `${real}.sock`;
  const socket =
    Buffer.byteLength(beside) <= SOCKET_PATH_MAX
      ? beside
      : join(tmpdir(), `shifan-${createHash('sha256').update(real).digest('hex').slice(0, 16)}.sock`);
  return { socket, token: `${real}.cli-token` };
}

export type ClientMessage =
  | { type: 'run'; token: string; argv: string[]; cwd: string; stderr_tty: boolean; pid: number }
  | { type: 'stdin'; data: string };

export type ServerMessage =
  | { type: 'out'; fd: 1 | 2; data: string }
  | { type: 'stdin' }
  | { type: 'exit'; code: number }
  | { type: 'refused'; message: string };

/** Splits a byte stream into JSON messages, one per line. */
export function onMessages<T>(stream: NodeJS.ReadableStream, handle: (message: T) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) handle(JSON.parse(line) as T);
      newline = buffered.indexOf('\n');
    }
  });
}
