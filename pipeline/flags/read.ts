// Reading stored flags with their evidence (record ids with file and line).
import type { Database } from '../db/index.ts';

export interface FlagEvidence {
  dataset: string;
  record_id: string;
  file_name: string | null;
  line: number | null;
  load_id: number | null;
  run_id: number;
}

export interface Flag {
  flag_id: string;
  rule_id: string;
  rule_version: number;
  region_code: string;
  region_name: string | null;
  year: number;
  detail_key: string;
  severity: 'high' | 'medium' | 'low' | 'info';
  numbers: unknown;
  evidence_count: number;
  first_seen_run: number;
  last_seen_run: number;
  status: 'active' | 'resolved';
  resolved_run: number | null;
  evidence: FlagEvidence[];
}

export async function readFlags(
  db: Database,
  filter: { year?: number; region?: string; rule?: string; all?: boolean } = {},
): Promise<Flag[]> {
  const all = filter.all ?? false;
  const rows = await db.allFile<Omit<Flag, 'evidence' | 'numbers'> & { numbers: string | null }>(
    'flags/results/flags',
    {
      year: filter.year ?? null,
      region: filter.region ?? null,
      rule: filter.rule ?? null,
      all,
    },
  );
  const evidence = await db.allFile<FlagEvidence & { flag_id: string }>('flags/results/flag_evidence', {
    year: filter.year ?? null,
    all,
  });
  const byFlag = new Map<string, FlagEvidence[]>();
  for (const { flag_id, ...e } of evidence) {
    const list = byFlag.get(flag_id);
    if (list) list.push(e);
    else byFlag.set(flag_id, [e]);
  }
  return rows.map((r) => ({
    ...r,
    numbers: r.numbers ? JSON.parse(r.numbers) : null,
    evidence: byFlag.get(r.flag_id) ?? [],
  }));
}
