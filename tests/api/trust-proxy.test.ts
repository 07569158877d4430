// `serve --trust-proxy VALUE`: parsed into Fastify's trustProxy, and the client address it yields (the address the
// login throttle and the audit log use).
import { describe, expect, it } from 'vitest';
import { Database } from '../../pipeline/db/index.ts';
import { buildTestApp } from './helper.ts';
import { parseTrustProxy } from '../../pipeline/api/server.ts';

describe('parseTrustProxy', () => {
  it('reads true, a hop count, and a list of addresses or ranges; nothing or false trusts no proxy', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('')).toBeUndefined();
    expect(parseTrustProxy('false')).toBeUndefined();
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,loopback,::1')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
  });
  it('refuses anything else, naming it', () => {
    expect(() => parseTrustProxy('proxy.example.org')).toThrow(/proxy\.example\.org/);
  });
});

describe('the client address behind a proxy', () => {
  const addressSeen = async (
    trustProxy: ReturnType<typeof parseTrustProxy>,
    remoteAddress: string,
    forwarded: string,
  ) => {
    const db = await Database.open(':memory:');
    const app = await buildTestApp({ db, secureCookies: false, trustProxy });
    app.get('/api/test-ip', { config: { public: true } }, async (req) => ({ ip: req.ip }));
    const res = await app.inject({ url: '/api/test-ip', remoteAddress, headers: { 'x-forwarded-for': forwarded } });
    await app.close();
    db.close();
    return res.json().ip;
  };
  it('is the TCP peer unless a proxy is trusted', async () => {
    expect(await addressSeen(undefined, '10.0.0.5', '198.51.100.7')).toBe('10.0.0.5');
    expect(await addressSeen(['10.0.0.0/8'], '10.0.0.5', '198.51.100.7')).toBe('198.51.100.7');
    expect(await addressSeen(['10.0.0.0/8'], '172.16.0.9', '198.51.100.7')).toBe('172.16.0.9');
  });
  it('counts back the given number of hops, so a client cannot choose its address by adding its own header', async () => {
    expect(await addressSeen(1, '10.0.0.5', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
  });
});
