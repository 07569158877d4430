// The applicant scorecard: an applicant's own data for the years before the round, computed by the same refresh
// and the same SQL as for named regions (pipeline/indicators), beside its self-assessment, and every contradiction
// between the two with its evidence rows. Read-only: it takes a query function, so the API's read connections and
// the CLI's database handle both serve it.
import type { ContradictionMetric } from '../vocabulary/naming-messages.ts';
import { fieldMetricPairs } from './fields.ts';
import type { Round } from './rounds.ts';

export type Query = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

export interface Scope {
  /** A provincial account's province (6 digits ending 0000): only its applicants. */
  province?: string | null;
  region?: string | null;
}

export interface EvidenceRow {
  dataset: string;
  record_id: string;
  file_name: string | null;
  line: number | null;
  load_id: number | null;
}

export type ContradictionKind = 'claimed_met' | 'claimed_not_applicable' | 'claimed_figure';

export interface Contradiction {
  region_code: string;
  region_name: string;
  year: number;
  indicator_no: number;
  kind: ContradictionKind;
  claimed_status: string;
  claimed_value: number | null;
  computed_value: number | null;
  difference: number | null;
  metric_ids: string[];
  /** The figures the contradiction rests on; pipeline/vocabulary/naming-messages.ts words them. */
  metrics: ContradictionMetric[];
  provisional: boolean;
  evidence: EvidenceRow[];
  evidence_count: number;
}

export async function contradictions(q: Query, round: Round, scope: Scope = {}): Promise<Contradiction[]> {
  const t = round.method.tolerances;
  const rows = await q('naming/contradictions', {
    round: round.round_id,
    province: scope.province ?? null,
    region: scope.region ?? null,
    rate_points: t.rate_points,
    relative: t.relative,
    min_abs: t.min_abs,
  });
  return rows.map((r) => ({
    ...(r as unknown as Contradiction),
    metrics: (r.metrics as ContradictionMetric[]).map((m) => ({
      metric_id: m.metric_id,
      unit: m.unit,
      value: m.value == null ? null : Number(m.value),
      threshold: m.threshold == null ? null : Number(m.threshold),
      numerator: m.numerator == null ? null : Number(m.numerator),
      denominator: m.denominator == null ? null : Number(m.denominator),
    })),
    year: Number(r.year),
    indicator_no: Number(r.indicator_no),
    evidence_count: Number(r.evidence_count),
    evidence: (r.evidence as EvidenceRow[]).map((e) => ({
      ...e,
      line: e.line === null ? null : Number(e.line),
      load_id: e.load_id === null ? null : Number(e.load_id),
    })),
  }));
}

export interface ApplicantYear {
  year: number;
  items_met: number | null;
  items_assessed: number | null;
  conformance: number | null;
  meets_bar: boolean | null;
  metrics_met: number | null;
  metrics_assessed: number | null;
  provisional: boolean | null;
  decisive: boolean;
}

export interface ApplicantItem {
  item: string;
  indicator_no: number | null;
  area: number | null;
  data_status: 'met' | 'not_met' | 'no_data';
  claimed_status: 'met' | 'not_met' | 'not_applicable' | null;
  claimed_metric: string | null;
  claimed_value: number | null;
  metrics: Array<{
    metric_id: string;
    name_zh: string;
    unit: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    threshold: number | null;
    status: string;
    provisional: boolean;
  }>;
}

export interface FieldPosition {
  metric_id: string;
  name_zh: string | null;
  unit: string | null;
  value: number | null;
  status: string | null;
  percentile: number | null;
  regions_with_value: number | null;
  funnel_position: string | null;
}

export interface ApplicantScorecard {
  region_code: string;
  region_name: string;
  province_code: string;
  kind: 'comprehensive' | 'single';
  field: string | null;
  project_name: string | null;
  years: ApplicantYear[];
  /** The decisive year's conformance (data_to), counted per seed indicator No.; null without data. */
  conformance: number | null;
  meets_bar: boolean | null;
  items: ApplicantItem[];
  contradictions: Contradiction[];
  field_position: FieldPosition[];
}

export async function applicantScorecards(q: Query, round: Round, scope: Scope = {}): Promise<ApplicantScorecard[]> {
  const params = { round: round.round_id, province: scope.province ?? null, region: scope.region ?? null };
  const [years, items, found, positions] = await Promise.all([
    q('naming/applicant_years', params),
    q('naming/applicant_items', params),
    contradictions(q, round, scope),
    q('naming/single_position', { ...params, field_metrics: JSON.stringify(fieldMetricPairs()) }),
  ]);
  const out = new Map<string, ApplicantScorecard>();
  for (const y of years) {
    const code = String(y.region_code);
    let card = out.get(code);
    if (!card) {
      card = {
        region_code: code,
        region_name: String(y.region_name),
        province_code: String(y.province_code),
        kind: y.kind as ApplicantScorecard['kind'],
        field: (y.field as string | null) ?? null,
        project_name: (y.project_name as string | null) ?? null,
        years: [],
        conformance: null,
        meets_bar: null,
        items: [],
        contradictions: [],
        field_position: [],
      };
      out.set(code, card);
    }
    const year: ApplicantYear = {
      year: Number(y.year),
      items_met: num(y.items_met),
      items_assessed: num(y.items_assessed),
      conformance: num(y.conformance),
      meets_bar: (y.meets_bar as boolean | null) ?? null,
      metrics_met: num(y.metrics_met),
      metrics_assessed: num(y.metrics_assessed),
      provisional: (y.provisional as boolean | null) ?? null,
      decisive: Boolean(y.decisive),
    };
    card.years.push(year);
    if (year.decisive) {
      card.conformance = year.conformance;
      card.meets_bar = year.meets_bar;
    }
  }
  for (const i of items) {
    const card = out.get(String(i.region_code));
    if (!card) continue;
    card.items.push({
      item: String(i.item),
      indicator_no: num(i.indicator_no),
      area: num(i.area),
      data_status: i.data_status as ApplicantItem['data_status'],
      claimed_status: (i.claimed_status as ApplicantItem['claimed_status']) ?? null,
      claimed_metric: (i.claimed_metric as string | null) ?? null,
      claimed_value: num(i.claimed_value),
      metrics: i.metrics as ApplicantItem['metrics'],
    });
  }
  for (const c of found) out.get(c.region_code)?.contradictions.push(c);
  for (const p of positions) {
    out.get(String(p.region_code))?.field_position.push({
      metric_id: String(p.metric_id),
      name_zh: (p.name_zh as string | null) ?? null,
      unit: (p.unit as string | null) ?? null,
      value: num(p.value),
      status: (p.status as string | null) ?? null,
      percentile: num(p.percentile),
      regions_with_value: num(p.regions_with_value),
      funnel_position: (p.funnel_position as string | null) ?? null,
    });
  }
  return [...out.values()];
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
