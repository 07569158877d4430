// The server's side of the command-line channel (channel.ts). `shifan serve` opens it beside the database it
// holds; a command sent through it runs here exactly as it would in its own process (run.ts, same code, output
// streamed back), against the server's open database and in its single-writer lane, so it never sees or leaves a
// half-done write. Each connection must present the token first; every command run is audit-logged
// (cli.command, actor: the operating-system user, as for a direct run), and so is every refused connection.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { appendAudit, cliActor } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { type ChannelPaths, type ClientMessage, channelPaths, onMessages, type ServerMessage } from './channel.ts';
import type { CliIo, CommandRunner } from './context.ts';

export interface CliChannel {
  paths: ChannelPaths;
  close(): Promise<void>;
}

function removeIfPresent(path: string): void {
  try {
    if (existsSync(path)) unlinkSync(path);
  } catch {
    // already gone
  }
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Listens for commands on the socket beside the database; `db` is the server's open handle (app.db), `runner`
 *  runs a command line (context.ts commandRunner()). */
export async function openCliChannel(app: FastifyInstance, db: Database, runner: CommandRunner): Promise<CliChannel> {
  const paths = channelPaths(db.path);
  const token = randomBytes(32).toString('hex');
  removeIfPresent(paths.token);
  writeFileSync(paths.token, `${token}\n`, { mode: 0o600 });
  chmodSync(paths.token, 0o600);
  // A socket file left by a server that was killed: this process holds the database lock, so it is stale.
  removeIfPresent(paths.socket);

  const audit = (action: string, subject: string, details: Record<string, string | number | string[]>) =>
    app.q
      .write((d) => appendAudit(d, { action, actor: cliActor(), subject, details }))
      .catch((err) => app.log.error(err));

  const server: Server = createServer((socket: Socket) => {
    const send = (message: ServerMessage) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };
    let started = false;
    let stdinWaiter: ((data: string) => void) | undefined;
    socket.on('error', () => undefined); // a caller that went away; the command still finishes
    onMessages<ClientMessage>(socket, (message) => {
      if (message.type === 'stdin') {
        stdinWaiter?.(message.data);
        stdinWaiter = undefined;
        return;
      }
      if (started) return;
      started = true;
      if (!sameToken(message.token, token) || !Array.isArray(message.argv) || typeof message.cwd !== 'string') {
        void audit('cli.channel_refused', 'cli-channel', { reason: 'wrong token' });
        send({ type: 'refused', message: `the server at ${paths.socket} refused the command: wrong token` });
        socket.end();
        return;
      }
      void runForCaller(message);
    });

    async function runForCaller(message: Extract<ClientMessage, { type: 'run' }>): Promise<void> {
      const io: CliIo = {
        stdout: (data) => send({ type: 'out', fd: 1, data }),
        stderr: (data) => send({ type: 'out', fd: 2, data }),
        stderrIsTTY: message.stderr_tty === true,
        cwd: message.cwd,
        readStdin: () =>
          new Promise<string>((resolve) => {
            stdinWaiter = resolve;
            send({ type: 'stdin' });
          }),
        exitCode: 0,
        hosted: {
          path: db.path,
          use: (fn, options) =>
            options.exclusive === false ? fn(db).finally(() => app.q.invalidate()) : app.q.write(fn),
        },
      };
      let code: number;
      if (!runner.usesDatabase(message.argv)) {
        io.stderr(
          `shifan: the server runs only commands that use its database; run "${message.argv.join(' ')}" on its own\n`,
        );
        code = 2;
      } else {
        code = await runner.runCli(message.argv, io);
      }
      await audit('cli.command', `command:${runner.commandName(message.argv) ?? message.argv[0] ?? ''}`, {
        argv: message.argv.map(String),
        cwd: message.cwd,
        exit_code: code,
        caller_pid: Number(message.pid) || 0,
      });
      send({ type: 'exit', code });
      socket.end();
    }
  });

  const previousUmask = process.umask(0o177); // the socket is created owner-only, not chmod-ed after the fact
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(paths.socket, () => resolve());
    });
  } finally {
    process.umask(previousUmask);
  }
  chmodSync(paths.socket, 0o600);
  const cleanup = () => {
    removeIfPresent(paths.socket);
    removeIfPresent(paths.token);
  };
  process.once('exit', cleanup);
  return {
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        cleanup();
      }),
  };
}
