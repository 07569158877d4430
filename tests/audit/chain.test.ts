import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../pipeline/audit/canonical-json.ts';
import { entryHash, GENESIS_HASH, verifyChain, type AuditEntry } from '../../pipeline/audit/chain.ts';

/** A valid chain of n entries. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      seq,
      logged_at: `2025-03-0${(seq % 9) + 1}T02:00:00.000Z`,
      action: 'spotcheck.freeze',
      actor: 'cli:test',
      subject: `draw:${seq}`,
      details: { n: seq, 地区: '北京' },
    };
    const hash = entryHash(prev, body);
    out.push({ ...body, prev_hash: prev, hash });
    prev = hash;
  }
  return out;
}

/** Recomputes the hashes of entries from index i on, as a forger would, keeping each one's stated prev_hash. */
function rehashOwn(entries: AuditEntry[], from: number): AuditEntry[] {
  return entries.map((e, i) => (i < from ? e : { ...e, hash: entryHash(e.prev_hash, e) }));
}

describe('canonical JSON', () => {
  it('sorts keys recursively, writes no whitespace and keeps Chinese as UTF-8', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, '北京'], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null,"北京"]},"b":1}',
    );
  });

  it('drops undefined members and refuses numbers JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });
});

describe('hash chain verification', () => {
  it('accepts an untouched chain and reports its head', () => {
    const entries = chain(6);
    expect(verifyChain(entries)).toEqual({
      ok: true,
      entries: 6,
      head: { seq: 6, hash: entries[5].hash },
      broken: null,
    });
  });

  it('accepts an empty log', () => {
    expect(verifyChain([])).toMatchObject({ ok: true, entries: 0, head: null });
  });

  it.each(['logged_at', 'action', 'actor', 'subject', 'details', 'hash', 'prev_hash'] as const)(
    'reports entry 3 as edited when its %s changes',
    (field) => {
      const entries = chain(6);
      const changed: Record<string, unknown> = {
        logged_at: '2030-01-01T00:00:00.000Z',
        action: 'spotcheck.commit',
        actor: 'cli:mallory',
        subject: 'draw:99',
        details: { n: 3, 地区: '上海' },
        hash: 'f'.repeat(64),
        prev_hash: 'e'.repeat(64),
      };
      entries[2] = { ...entries[2], [field]: changed[field] };
      expect(verifyChain(entries).broken).toMatchObject({ seq: 3, kind: 'edited' });
    },
  );

  it('reports a gap in seq as deleted entries, naming the first missing one', () => {
    const entries = chain(6);
    entries.splice(2, 2);
    expect(verifyChain(entries).broken).toMatchObject({
      seq: 3,
      kind: 'deleted',
      message: expect.stringMatching(/entries 3\.\.4 are missing/),
    });
  });

  it('reports a deletion hidden by renumbering the later entries as deleted', () => {
    const entries = chain(6);
    entries.splice(2, 1);
    for (let i = 2; i < entries.length; i++) entries[i] = { ...entries[i], seq: entries[i].seq - 1 };
    expect(verifyChain(entries).broken).toMatchObject({ seq: 3, kind: 'deleted' });
  });

  it('reports a deletion hidden by renumbering and re-hashing the later entries as deleted at the first broken link', () => {
    let entries = chain(6);
    entries.splice(2, 1);
    entries = entries.map((e, i) => (i < 2 ? e : { ...e, seq: e.seq - 1 }));
    expect(verifyChain(rehashOwn(entries, 2)).broken).toMatchObject({ seq: 3, kind: 'deleted' });
  });

  it('reports an entry slipped in with a valid hash, later entries renumbered, as inserted at its seq', () => {
    const entries = chain(5);
    const body = {
      seq: 3,
      logged_at: '2025-03-09T00:00:00.000Z',
      action: 'spotcheck.draw',
      actor: 'cli:mallory',
      subject: 'draw:1',
      details: {},
    };
    const forged = { ...body, prev_hash: entries[1].hash, hash: entryHash(entries[1].hash, body) };
    const tampered = [...entries.slice(0, 2), forged, ...entries.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))];
    expect(verifyChain(tampered).broken).toMatchObject({ seq: 3, kind: 'inserted' });
    // and also when the forger re-hashes the renumbered entries but cannot re-chain them without rewriting all
    expect(verifyChain(rehashOwn(tampered, 3)).broken).toMatchObject({ seq: 3, kind: 'inserted' });
  });

  it('reports a repeated seq as inserted', () => {
    const entries = chain(4);
    expect(verifyChain([...entries, { ...entries[3] }]).broken).toMatchObject({ seq: 4, kind: 'inserted' });
  });

  it('catches a deleted tail and a fully re-forged chain only against a published anchor', () => {
    const entries = chain(6);
    const anchor = new Map([[6, entries[5].hash]]);
    expect(verifyChain(entries.slice(0, 5)).ok).toBe(true);
    expect(verifyChain(entries.slice(0, 5), anchor).broken).toMatchObject({ seq: 6, kind: 'deleted' });

    // rewrite entry 4 and re-chain everything after it: internally consistent, but not what was published
    const forged = entries.slice(0, 3);
    for (const e of entries.slice(3)) {
      const body = { ...e, actor: e.seq === 4 ? 'cli:mallory' : e.actor };
      const prev = forged[forged.length - 1].hash;
      forged.push({ ...body, prev_hash: prev, hash: entryHash(prev, body) });
    }
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyChain(forged, new Map([[5, entries[4].hash]])).broken).toMatchObject({ seq: 5, kind: 'edited' });
  });
});
