// Scoring a region-year's flags and watchlist entries into reasons (pipeline/risk/score.ts), tiers and ranks
// (queue.ts) and rank intervals under perturbed weights (stability.ts), on handmade facts and the shipped weights.
import { describe, expect, it } from 'vitest';
import {
  funnelPoints,
  loadRiskWeights,
  type RiskFact,
  rankRows,
  scoreFacts,
  sharedProblems,
  tierOf,
} from '../../pipeline/risk/index.ts';
import { reviewCut } from '../../pipeline/risk/tiers.ts';
import { rankStability } from '../../pipeline/risk/stability.ts';

const w = loadRiskWeights();

let n = 0;
function fact(over: Partial<RiskFact>): RiskFact {
  return {
    source: 'flag',
    source_id: `f${n++}`,
    region_code: '110101',
    region_name: '东城区',
    year: 2024,
    rule_id: 'metric_not_met',
    detail_key: 'enforcement.publish_7wd',
    severity: 'medium',
    numbers: null,
    params: null,
    prev_flag_id: null,
    funnel_position: null,
    funnel_unfavourable: null,
    p_value: null,
    q_value: null,
    triage: null,
    dismissed: false,
    ground: null,
    kind: null,
    is_ground: null,
    ...over,
  };
}

describe('risk reasons', () => {
  it('gives a metric miss points only beyond the 95% funnel on the unfavourable side, or when missed the year before', () => {
    const plain = scoreFacts([fact({ funnel_position: 'within', funnel_unfavourable: false })], w);
    expect(plain).toEqual([]);
    const outside = scoreFacts([fact({ funnel_position: 'below95', funnel_unfavourable: true })], w);
    expect(outside.map((r) => [r.rule, r.points])).toEqual([
      ['metric_miss_outside_95', w.rules.metric_miss_outside_95.points],
    ]);
    const repeated = scoreFacts([fact({ prev_flag_id: 'old' })], w);
    expect(repeated.map((r) => [r.rule, r.points])).toEqual([
      ['metric_miss_repeated', w.rules.metric_miss_repeated.points],
    ]);
  });

  it('weighs a funnel outlier by −log10 p, capped', () => {
    const d = w.rules.funnel_unfavourable;
    expect(funnelPoints(1e-3, d.points_per_log10_p, d.log10_p_cap)).toBeCloseTo(3 * d.points_per_log10_p, 6);
    expect(funnelPoints(1e-40, d.points_per_log10_p, d.log10_p_cap)).toBe(d.log10_p_cap * d.points_per_log10_p);
    const [r] = scoreFacts(
      [
        fact({
          rule_id: 'funnel_outlier',
          detail_key: 'litigation.loss_rate',
          severity: 'high',
          funnel_unfavourable: true,
          p_value: 1e-4,
        }),
      ],
      w,
    );
    expect(r).toMatchObject({
      rule: 'funnel_unfavourable',
      points: 4 * d.points_per_log10_p,
      flag_id: expect.any(String),
    });
  });

  it('counts one metric in one year once: the largest of its reasons, the others listed with 0 points', () => {
    const reasons = scoreFacts(
      [
        fact({ rule_id: 'funnel_outlier', detail_key: 'satisfaction.rate', funnel_unfavourable: true, p_value: 1e-5 }),
        fact({ rule_id: 'worsening', detail_key: 'satisfaction.rate' }),
        fact({
          rule_id: 'metric_not_met',
          detail_key: 'satisfaction.rate',
          funnel_position: 'below998',
          funnel_unfavourable: true,
        }),
      ],
      w,
    );
    expect(reasons.map((r) => [r.rule, r.points])).toEqual([
      ['funnel_unfavourable', 5 * w.rules.funnel_unfavourable.points_per_log10_p],
      ['worsening', 0],
      ['metric_miss_outside_95', 0],
    ]);
  });

  it('adds a share of the points for the same problem the year before, citing the earlier flag', () => {
    const reasons = scoreFacts(
      [fact({ rule_id: 'sudden_drop', detail_key: 'enforcement.publish_7wd', prev_flag_id: 'flag2023' })],
      w,
    );
    expect(reasons).toEqual([
      expect.objectContaining({ rule: 'sudden_drop', points: w.rules.sudden_drop.points }),
      expect.objectContaining({
        rule: 'persistence',
        flag_id: 'flag2023',
        points: w.persistence.share * w.rules.sudden_drop.points,
      }),
    ]);
  });

  it('scores nothing for a flag dismissed on the evidence it still has', () => {
    expect(scoreFacts([fact({ rule_id: 'report_missing', dismissed: true })], w)).toEqual([]);
    expect(scoreFacts([fact({ rule_id: 'report_missing' })], w).map((r) => r.rule)).toEqual(['report_missing']);
  });

  it('lists a watchlist ground with its entry, and a concealment signal as an integrity signal, not a ground', () => {
    const reasons = scoreFacts(
      [
        fact({
          source: 'watchlist',
          source_id: 'e1',
          rule_id: 'watchlist',
          kind: 'serious_violation',
          ground: 1,
          is_ground: true,
        }),
        fact({
          source: 'watchlist',
          source_id: 'e2',
          rule_id: 'watchlist',
          kind: 'concealment_signal',
          ground: 2,
          is_ground: false,
        }),
      ],
      w,
    );
    expect(reasons.map((r) => [r.rule, r.entry_id, r.flag_id])).toEqual([
      ['watchlist_ground', 'e1', null],
      ['integrity_signal', 'e2', null],
    ]);
  });
});

describe('tiers, ranks and their stability', () => {
  it('puts any ground first, then breaches of named duties and integrity signals, then scores', () => {
    const rows = rankRows([
      {
        region_code: 'a',
        score: 200,
        tier: tierOf(
          200,
          [{ rule: 'funnel_unfavourable', flag_id: 'x', entry_id: null, points: 200, params: {}, text: '' }],
          w,
        ),
      },
      {
        region_code: 'b',
        score: 15,
        tier: tierOf(15, [{ rule: 'report_late', flag_id: 'y', entry_id: null, points: 15, params: {}, text: '' }], w),
      },
      {
        region_code: 'c',
        score: 100,
        tier: tierOf(
          100,
          [{ rule: 'watchlist_ground', flag_id: null, entry_id: 'e', points: 100, params: {}, text: '' }],
          w,
        ),
      },
      { region_code: 'd', score: 0, tier: tierOf(0, [], w) },
    ]);
    expect(rows.map((r) => [r.rank, r.region_code, r.tier])).toEqual([
      [1, 'c', 'grounds'],
      [2, 'b', 'breach'],
      [3, 'a', 'review'],
      [4, 'd', 'clear'],
    ]);
  });

  it('gives a region far ahead a one-place rank interval and close rivals overlapping ones', () => {
    const reason = (rule: 'funnel_unfavourable' | 'sudden_drop' | 'worsening', points: number) => ({
      rule,
      flag_id: 'x',
      entry_id: null,
      points,
      params: {},
      text: '',
    });
    const rows = rankRows([
      {
        region_code: 'top',
        score: 450,
        tier: 'review' as const,
        reasons: [reason('funnel_unfavourable', 150), reason('sudden_drop', 150), reason('worsening', 150)],
      },
      {
        region_code: 'p',
        score: 30,
        tier: 'review' as const,
        reasons: [reason('sudden_drop', 15), reason('worsening', 15)],
      },
      { region_code: 'q', score: 30, tier: 'review' as const, reasons: [reason('funnel_unfavourable', 30)] },
    ]);
    const intervals = rankStability(rows, w);
    expect(intervals.get('top')).toEqual({ low: 1, high: 1 });
    expect(intervals.get('p')).toEqual({ low: 2, high: 3 });
    expect(intervals.get('q')).toEqual({ low: 2, high: 3 });
  });
});

describe('problems most regions share, and the review cut', () => {
  const repeatedMiss = (region: string, metric: string) =>
    fact({ region_code: region, detail_key: metric, prev_flag_id: `old-${region}-${metric}` });

  it('finds a repeated miss more than half of the scope has, counted over all its regions, and no other', () => {
    const facts = [
      ...['a', 'b', 'c'].map((r) => repeatedMiss(r, 'enforcement.publish_7wd')),
      ...['a', 'b'].map((r) => repeatedMiss(r, 'disclosure.answered_on_time')),
      fact({ region_code: 'd', detail_key: 'enforcement.publish_7wd' }),
    ];
    const shared = sharedProblems(facts, 4, w);
    expect([...shared.values()]).toEqual([
      { rule_id: 'metric_not_met', detail_key: 'enforcement.publish_7wd', regions: 3, of: 4 },
    ]);
    // Exactly half does not count as most: 2 of 4 stays a region's own problem.
    expect(sharedProblems(facts, 6, w).size).toBe(0);
  });

  it('scores a shared repeated miss 0 and says so, while the same miss in a region of its own keeps its points', () => {
    const facts = ['a', 'b', 'c'].map((r) => repeatedMiss(r, 'enforcement.publish_7wd'));
    const shared = sharedProblems(facts, 4, w);
    const [reason] = scoreFacts([facts[0]], w, shared);
    expect(reason).toMatchObject({ rule: 'metric_miss_repeated', points: 0 });
    expect(reason.text).toContain('共性问题：4个地区中3个');
    expect(scoreFacts([facts[0]], w).map((r) => r.points)).toEqual([w.rules.metric_miss_repeated.points]);
  });

  it("starts the review tier at Tukey's upper fence of the scores when it is above the floor", () => {
    // Q1 = 20, Q3 = 24, IQR = 4: the fence is 24 + 1.5 × 4 = 30.
    const scores = [18, 20, 20, 21, 22, 23, 24, 24, 90];
    expect(reviewCut(scores, w.review_min, 1.5)).toBeCloseTo(30, 6);
    expect(reviewCut([0, 0, 0, 5, 5], w.review_min, 1.5)).toBe(w.review_min);
    const reasons = [{ rule: 'worsening' as const, flag_id: 'x', entry_id: null, points: 25, params: {}, text: '' }];
    expect(tierOf(25, reasons, w, 30)).toBe('watch');
    expect(tierOf(25, reasons, w)).toBe('review');
  });
});
