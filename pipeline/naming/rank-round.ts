// A round's ranking from the database: the stored inputs (ranking_inputs.sql and the contradiction counts), ranked
// by ranking.ts. Read-only.
import { contradictions, type Query } from './scorecard.ts';
import { rankApplicants, type RankedApplicant, type RankingInputs } from './ranking.ts';
import type { Round } from './rounds.ts';

export async function rankingInputs(q: Query, round: Round): Promise<RankingInputs> {
  const [rows, found] = await Promise.all([
    q('naming/ranking_inputs', { round: round.round_id }),
    contradictions(q, round),
  ]);
  const counts = new Map<string, number>();
  for (const c of found) counts.set(c.region_code, (counts.get(c.region_code) ?? 0) + 1);
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    round_id: round.round_id,
    method: round.method,
    rule: round.field_check_rule,
    rows: rows.map((r) => ({
      region_code: String(r.region_code),
      region_name: String(r.region_name),
      province_code: String(r.province_code),
      kind: String(r.kind),
      recommended: (r.recommended as boolean | null) ?? null,
      conformance: n(r.conformance),
      third_party: n(r.third_party) === null ? null : Math.round(Number(r.third_party) * 1e6) / 1e6,
      respondents: n(r.respondents),
      satisfied: n(r.satisfied),
      contradictions: counts.get(String(r.region_code)) ?? 0,
    })),
  };
}

export async function rankRound(q: Query, round: Round): Promise<RankedApplicant[]> {
  return rankApplicants(await rankingInputs(q, round));
}

/** The shape `shifan applications rank --json` prints (issue 14): exactly these keys, ranked applicants first. */
export function rankJson(r: RankedApplicant) {
  return {
    rank: r.rank,
    region_code: r.region_code,
    conformance: r.conformance,
    contradictions: r.contradictions,
    third_party: r.third_party,
    satisfaction: r.satisfaction,
    score: r.score,
    rank_interval: r.rank_interval,
  };
}
