import { seedHashOf } from '../../pipeline/spotcheck/sampler.ts';
import { stratumTicket } from '../../pipeline/spotcheck/allocation.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../pipeline/db/index.ts';
import {
  addRiskTargeted,
  buildCertificate,
  drawSpotcheck,
  freezePool,
  parsePoolFile,
  PROTOCOL_VERSION,
  readDraw,
  sample,
  sha256Hex,
  writeCertificate,
} from '../../pipeline/spotcheck/index.ts';
import { addInspectors, addRegions, designatedRegions, inspectorSet, openTestDb, SEED } from './fixtures.ts';

describe('the certificate of a draw', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDb();
    await addRegions(db, [
      ...designatedRegions(['11', '31'], 7),
      ...designatedRegions(['44'], 4, { designation: 'single' }),
    ]);
    await addInspectors(db, inspectorSet(8, ['11', '31', '44', '51']));
    await freezePool(db, { year: 2025, strata: 'province', exclusions: ['revoked', 'named_this_year'], actor: 'test' });
  });
  afterEach(() => db.close());

  it('announces a frozen pool (no seed yet) with the pool file and its hash', async () => {
    const { certificate, files } = await buildCertificate(db, 1);
    expect(certificate).toMatchObject({
      protocol_version: PROTOCOL_VERSION,
      state: 'frozen',
      seed: null,
      selected: [],
    });
    expect(sha256Hex(files['pool-2025.txt'])).toBe((certificate.pool as { sha256: string }).sha256);
  });

  it('holds everything needed to recompute the draw, and the commands it lists reproduce each stratum', async () => {
    await drawSpotcheck(db, { year: 2025, seed: SEED, size: { proportion: '0.3' }, commit: true, actor: 'test' });
    const dir = mkdtempSync(join(tmpdir(), 'shifan-cert-'));
    const written = await writeCertificate(db, 1, dir);
    expect(written.files).toEqual(
      expect.arrayContaining([
        'certificate.json',
        'pool-2025.txt',
        'strata-2025.tsv',
        'pool-2025-110000.txt',
        'pool-2025-310000.txt',
        'pool-2025-440000.txt',
      ]),
    );
    const cert = JSON.parse(readFileSync(join(dir, 'certificate.json'), 'utf8'));
    expect(cert).toMatchObject({
      protocol_version: PROTOCOL_VERSION,
      seed: SEED,
      seed_hash: sha256Hex(SEED),
      state: 'committed',
      parameters: { strata: 'province', proportion: '0.3', team_size: 2 },
    });
    expect(cert.protocol).toMatch(/reversed/);
    expect(sha256Hex(readFileSync(join(dir, 'pool-2025.txt'), 'utf8'))).toBe(cert.pool.sha256);
    expect(sha256Hex(readFileSync(join(dir, 'strata-2025.tsv'), 'utf8'))).toBe(cert.strata.sha256);

    const draw = await readDraw(db, 1);
    for (const s of cert.strata.per_stratum) {
      expect(s.command).toBe(`shifan spotcheck sample --seed '${SEED}' --pool ${s.file} --take ${s.take}`);
      const ids = parsePoolFile(readFileSync(join(dir, s.file), 'utf8'));
      expect(sample(ids, SEED, s.take).map((t) => t.id)).toEqual(
        draw.selected.filter((x) => x.stratum === s.stratum).map((x) => x.region_code),
      );
    }
    expect(cert.selected.map((s: { region_code: string }) => s.region_code)).toEqual(
      draw.selected.map((s) => s.region_code),
    );
    // 18 regions: k = ceil(0.3 · 18) = 6 over 7, 7, 4: quotas 2.33 2.33 1.33, all remainders equal; the two larger
    // strata tie for the sixth, which the seed gives to the one with the lower stratum ticket → 3, 2, 1 or 2, 3, 1;
    // each of their regions had (2 + 1/2) / 7 = 5/14, those of 440000 1/4
    const hash = seedHashOf(cert.seed);
    const [first, second] = ['110000', '310000'].sort((a, b) =>
      stratumTicket(hash, a) < stratumTicket(hash, b) ? -1 : 1,
    );
    expect(cert.parameters).toMatchObject({
      total_k: 6,
      allocation_rule: 'hamilton_seed_ties',
      allocation: { [first!]: 3, [second!]: 2, 440000: 1 },
    });
    // the tie is published as a pool of its own, and the sampler on it gives the stratum that got the sixth
    const ties = parsePoolFile(readFileSync(join(dir, 'ties-2025.txt'), 'utf8'));
    expect(ties).toEqual(['stratum|110000', 'stratum|310000']);
    expect(sample(ties, SEED, 1).map((t) => t.id)).toEqual([`stratum|${first}`]);
    expect(cert.recompute.without_database.join('\n')).toContain(
      `shifan spotcheck sample --seed '${SEED}' --pool ties-2025.txt --take 1`,
    );
    const exact: Record<string, string> = { 110000: '5/14', 310000: '5/14', 440000: '1/4' };
    expect(
      cert.strata.per_stratum.map((s: { inclusion_probability_exact: string }) => s.inclusion_probability_exact),
    ).toEqual(['5/14', '5/14', '1/4']);
    for (const s of cert.selected) expect(s.inclusion_probability_exact).toBe(exact[s.stratum]);
    expect(cert.recompute.with_database).toBe('shifan spotcheck verify 1');
    expect(cert.audit).toMatchObject({
      action: 'spotcheck.commit',
      check: expect.stringMatching(/^shifan audit verify --anchor \d+:[0-9a-f]{64}$/),
    });
  });

  it('lets anyone recompute a team: the candidate file sampled with the seed lists inspectors in the order used', async () => {
    await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: true, actor: 'test' });
    const { certificate, files } = await buildCertificate(db, 1);
    const first = (
      certificate.selected as Array<{ region_code: string; inspectors: Array<{ inspector_id: string }> }>
    )[0];
    const order = sample(parsePoolFile(files[`inspectors-2025-${first.region_code}.txt`]), SEED).map(
      (t) => t.id.split('|')[1],
    );
    const province = `${first.region_code.slice(0, 2)}0000`;
    const home = new Map(inspectorSet(8, ['11', '31', '44', '51']).map((i) => [i.id, i.province]));
    expect(first.inspectors.map((i) => i.inspector_id)).toEqual(
      order.filter((id) => home.get(id) !== province).slice(0, 2),
    );
  });

  it('lists risk-targeted checks separately with their criterion, never in the random sample', async () => {
    const drawn = await drawSpotcheck(db, { year: 2025, seed: SEED, size: { count: 3 }, commit: true, actor: 'test' });
    const outside = designatedRegions(['11', '31'], 7)
      .map((r) => r.region_code)
      .find((c) => !drawn.selected.some((s) => s.region_code === c))!;
    await addRiskTargeted(db, 1, outside, 'two serious-violation incidents in 2024', 'test');
    await expect(addRiskTargeted(db, 1, drawn.selected[0].region_code, 'already drawn', 'test')).rejects.toThrow(
      /already in the random sample/,
    );
    await expect(addRiskTargeted(db, 1, '999999', 'unknown region', 'test')).rejects.toThrow(/not in the regions list/);
    await expect(addRiskTargeted(db, 1, outside, '', 'test')).rejects.toThrow(/needs its criterion/);
    const { certificate } = await buildCertificate(db, 1);
    expect(certificate.risk_targeted).toEqual([
      expect.objectContaining({ region_code: outside, criterion: 'two serious-violation incidents in 2024' }),
    ]);
    expect((certificate.selected as unknown[]).length).toBe(3);
  });
});
