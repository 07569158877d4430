// The fast start of `shifan serve` (pipeline/cli/serve-early.ts): bin/shifan.mjs binds the port of a plain `serve`
// before the command line loads, and the serve command then serves on that very server; anything that is not a
// plain, valid serve invocation binds nothing, so help, usage errors and other commands behave as before.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenEarly, releaseEarlyServer, serveAddress, takeEarlyServer } from '../../pipeline/cli/serve-early.ts';

afterEach(() => releaseEarlyServer());

/** Whether something listens on the port (a connection is accepted). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port free a moment ago. */
async function freePort(): Promise<number> {
  const probe = await takeEarlyServer(0, '127.0.0.1');
  await probe.close();
  return Number(new URL(probe.url).port);
}

describe('recognising a plain serve invocation', () => {
  it('reads the port and host of serve with the global and serve options in any order', () => {
    expect(serveAddress(['serve'], {})).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(
      serveAddress(['--db', 'x.duckdb', 'serve', '--port', '8193', '--no-scheduler', '--host=0.0.0.0'], {}),
    ).toEqual({ port: 8193, host: '0.0.0.0' });
    expect(
      serveAddress(
        ['serve', '--port=0', '--lang', 'en', '--json', '--trust-proxy', 'loopback', '--no-auto-refresh'],
        {},
      ),
    ).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('binds nothing for help, another command, an unknown option, a bad port or a bad --trust-proxy', () => {
    for (const argv of [
      ['serve', '--help'],
      ['help', 'serve'],
      ['serve', '-h'],
      ['start'],
      ['users', 'add', 'serve'],
      ['serve', '--port'],
      ['serve', '--port', '80x'],
      ['serve', '--port', '70000'],
      ['serve', '--port', '1', '--port', '2'],
      ['serve', '--verbose'],
      ['serve', 'extra'],
      ['serve', '--trust-proxy', 'not an address'],
    ])
      expect(serveAddress(argv, {}), argv.join(' ')).toBeUndefined();
    expect(serveAddress(['serve'], { SHIFAN_TRUST_PROXY: 'nonsense!' })).toBeUndefined();
  });
});

describe('the server bound early', () => {
  it('is the one the serve command takes for the same port and host', async () => {
    expect(await listenEarly(['serve', '--port', '0'])).toBe(true);
    const early = await takeEarlyServer(0, '127.0.0.1');
    try {
      const port = Number(new URL(early.url).port);
      expect(await listening(port)).toBe(true);
      // taken once: a second serve in the same process binds its own
      const other = await takeEarlyServer(0, '127.0.0.1');
      expect(other.server).not.toBe(early.server);
      await other.close();
    } finally {
      await early.close();
    }
  });

  it('is closed when the serve command asks for another address, and a new one is bound', async () => {
    const port = await freePort();
    expect(await listenEarly(['serve', '--port', String(port)])).toBe(true);
    expect(await listening(port)).toBe(true);
    const other = await takeEarlyServer(0, '127.0.0.1');
    try {
      expect(Number(new URL(other.url).port)).not.toBe(port);
      expect(await listening(port)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('frees its port when released (the build proved stale and the sources serve instead)', async () => {
    const port = await freePort();
    expect(await listenEarly(['serve', '--port', String(port)])).toBe(true);
    expect(await listening(port)).toBe(true);
    await releaseEarlyServer();
    expect(await listening(port)).toBe(false);
  });

  it('reports a taken port when the serve command takes it, not before', async () => {
    const blocker = await takeEarlyServer(0, '127.0.0.1');
    const port = Number(new URL(blocker.url).port);
    try {
      expect(await listenEarly(['serve', '--port', String(port)])).toBe(true);
      await expect(takeEarlyServer(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await blocker.close();
    }
  });
});
