// The flag rules: one SQL file per rule in sql/flags/, each inserting into flag_candidates. Their order matters
// only for readability of the timing output; each reads the indicator results of the run, not other rules.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlDir, sqlHeader } from '../db/index.ts';

export interface FlagRule {
  id: string;
  version: number;
  fires: string;
  severity: string;
  source: string;
}

/** Rule ids (file names of sql/flags/*.sql), sorted. */
export function flagRules(): string[] {
  return readdirSync(join(sqlDir, 'flags'))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''))
    .sort();
}

/** Each rule's header: id, version, what fires it, severity — the documentation comes from the files. */
export function describeRules(): FlagRule[] {
  return flagRules().map((id) => {
    const h = sqlHeader(`flags/${id}`);
    if (h.rule !== id)
      throw new Error(`sql/flags/${id}.sql must start with "-- @rule: ${id}", found ${h.rule ?? 'none'}`);
    return { id, version: Number(h.version), fires: h.fires ?? '', severity: h.severity ?? '', source: h.source ?? '' };
  });
}
