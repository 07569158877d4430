// The combined ranking: the stated score, competition ranks for ties, rank intervals from seeded draws, the
// field-check cut (ties at the cut included), reproducibility from the stored inputs.
import { describe, expect, it } from 'vitest';
import {
  competitionRanks,
  DEFAULT_METHOD,
  hashInputs,
  rankApplicants,
  type RankingInput,
  type RankingInputs,
  wilsonInterval,
} from '../../pipeline/naming/index.ts';

function applicant(
  code: string,
  third_party: number | null,
  satisfied: number | null,
  extra: Partial<RankingInput> = {},
): RankingInput {
  return {
    region_code: code,
    region_name: code,
    province_code: `${code.slice(0, 2)}0000`,
    kind: 'comprehensive',
    recommended: true,
    conformance: 0.92,
    third_party,
    respondents: satisfied === null ? null : 1000,
    satisfied,
    contradictions: 0,
    ...extra,
  };
}

const inputs = (rows: RankingInput[], k = 2): RankingInputs => ({
  round_id: '2026',
  method: DEFAULT_METHOD,
  rule: { rule: 'top_k', k },
  rows,
});

describe('the combined ranking', () => {
  it('scores the mean of the third-party score and the satisfaction rate (0–100) with equal weights by default', () => {
    const [r] = rankApplicants(inputs([applicant('110101', 80, 900)]));
    expect(r.score).toBe(85);
    expect(r.rank).toBe(1);
  });

  it('gives tied applicants the same, better rank and the next one the rank after all of them', () => {
    // 110101: (90 + 80) / 2 = 85; 110102 and 110103: (80 + 90) / 2 = 85; 110104: (70 + 80) / 2 = 75
    const ranked = rankApplicants(
      inputs([
        applicant('110104', 70, 800),
        applicant('110102', 80, 900),
        applicant('110101', 90, 800),
        applicant('110103', 80, 900),
      ]),
    );
    expect(ranked.map((r) => [r.region_code, r.score, r.rank])).toEqual([
      ['110101', 85, 1],
      ['110102', 85, 1],
      ['110103', 85, 1],
      ['110104', 75, 4],
    ]);
  });

  it('includes every applicant tied at the cut in a top-k field-check list', () => {
    const ranked = rankApplicants(
      inputs(
        [
          applicant('110101', 90, 900),
          applicant('110102', 80, 900),
          applicant('110103', 80, 900),
          applicant('110104', 70, 900),
        ],
        2,
      ),
    );
    expect(ranked.filter((r) => r.field_check).map((r) => r.region_code)).toEqual(['110101', '110102', '110103']);
  });

  it('cuts a threshold list at the stated score, inclusive', () => {
    const ranked = rankApplicants({
      ...inputs([applicant('110101', 90, 900), applicant('110102', 80, 900), applicant('110103', 70, 900)]),
      rule: { rule: 'threshold', min: 85 },
    });
    expect(ranked.filter((r) => r.field_check).map((r) => r.region_code)).toEqual(['110101', '110102']);
  });

  it('leaves out of the ranking an applicant not recommended or without a result, saying why', () => {
    const ranked = rankApplicants(
      inputs([
        applicant('110101', 90, 900),
        applicant('110102', 95, 950, { recommended: false }),
        applicant('110103', null, 900),
        applicant('110104', 90, null),
      ]),
    );
    expect(ranked.map((r) => [r.region_code, r.rank, r.unranked_reason])).toEqual([
      ['110101', 1, null],
      ['110102', null, 'not_recommended'],
      ['110103', null, 'no_third_party'],
      ['110104', null, 'no_satisfaction'],
    ]);
  });

  it('gives every rank an interval that contains it, wider where applicants are close than where they are far apart', () => {
    const ranked = rankApplicants(
      inputs([
        applicant('110101', 95, 950),
        applicant('110102', 80, 851),
        applicant('110103', 81, 850),
        applicant('110104', 50, 500),
      ]),
    );
    for (const r of ranked) {
      expect(r.rank_interval![0]).toBeLessThanOrEqual(r.rank!);
      expect(r.rank_interval![1]).toBeGreaterThanOrEqual(r.rank!);
    }
    const byCode = new Map(ranked.map((r) => [r.region_code, r.rank_interval]));
    expect(byCode.get('110101')).toEqual([1, 1]);
    expect(byCode.get('110104')).toEqual([4, 4]);
    expect(byCode.get('110102')).toEqual([2, 3]);
  });

  it('reproduces the same ranking, intervals and list from the same inputs, and hashes the inputs in any row order', () => {
    const rows = [applicant('110101', 88, 870), applicant('110102', 86, 880), applicant('110103', 87, 875)];
    expect(rankApplicants(inputs(rows))).toEqual(rankApplicants(inputs(rows)));
    expect(hashInputs(inputs(rows)).sha256).toBe(hashInputs(inputs([...rows].reverse())).sha256);
    expect(hashInputs(inputs(rows)).sha256).not.toBe(hashInputs(inputs(rows.slice(1))).sha256);
  });

  it('ranks 1, 2, 2, 4 by competition ranking', () => {
    expect(competitionRanks([9, 8, 8, 7])).toEqual([1, 2, 2, 4]);
  });

  it('gives the Wilson 95% interval of a survey rate', () => {
    const [lo, hi] = wilsonInterval(850, 1000);
    expect(lo).toBeCloseTo(0.8267, 3);
    expect(hi).toBeCloseTo(0.8705, 3);
  });
});
