// The command line's side of the server channel (channel.ts): when a `shifan serve` holds the database, send it
// the arguments and working directory, copy what it writes to this process's stdout and stderr, answer its
// request for standard input, and exit with its exit code. Without a listening server, nothing happens here and
// the command opens the database itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { type ClientMessage, channelPaths, onMessages, type ServerMessage } from './channel.ts';

export class ChannelRefusedError extends Error {
  override name = 'ChannelRefusedError';
}

/** Reads the token, refusing a file another user owns or anyone else could read. */
export function readToken(path: string): string {
  const st = statSync(path);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid)
    throw new ChannelRefusedError(
      `the server's token file ${path} belongs to another user (uid ${st.uid}); not using it`,
    );
  if ((st.mode & 0o077) !== 0)
    throw new ChannelRefusedError(
      `the server's token file ${path} is readable by others (mode ${(st.mode & 0o777).toString(8)}); not using it — it must be 600`,
    );
  return readFileSync(path, 'utf8').trim();
}

function connectTo(socketPath: string): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => resolve(socket));
    // ENOENT / ECONNREFUSED: a socket file left by a server that is gone; the command opens the database itself
    socket.once('error', () => resolve(undefined));
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The exit code of the command run by the server, or undefined when no server holds the database. */
export async function runThroughServer(
  argv: string[],
  dbPath: string,
  options: { token?: string } = {},
): Promise<number | undefined> {
  const paths = channelPaths(dbPath);
  if (!existsSync(paths.socket) || !existsSync(paths.token)) return undefined;
  const token = options.token ?? readToken(paths.token);
  const socket = await connectTo(paths.socket);
  if (!socket) return undefined;
  if (process.env.SHIFAN_DEBUG) process.stderr.write(`shifan: running through the server at ${paths.socket}\n`);
  const send = (message: ClientMessage) => socket.write(`${JSON.stringify(message)}\n`);
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      socket.end();
    };
    onMessages<ServerMessage>(socket, (message) => {
      if (message.type === 'out') (message.fd === 1 ? process.stdout : process.stderr).write(message.data);
      else if (message.type === 'stdin') readStdin().then((data) => send({ type: 'stdin', data }), reject);
      else if (message.type === 'exit') finish(() => resolve(message.code));
      else if (message.type === 'refused') finish(() => reject(new ChannelRefusedError(message.message)));
    });
    socket.on('error', (err) => finish(() => reject(err)));
    socket.on('close', () =>
      finish(() =>
        reject(new Error('the server closed the command channel before the command finished (was it stopped?)')),
      ),
    );
    send({ type: 'run', token, argv, cwd: process.cwd(), stderr_tty: Boolean(process.stderr.isTTY), pid: process.pid });
  });
}
