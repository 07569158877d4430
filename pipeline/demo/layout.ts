// Which files each dataset is written to, and in what form — the way real senders differ. File names follow
// `<dataset>[_<part>].<ext>` so the loader can tell the dataset from the prefix.
//
// enforcement_decisions: UTF-8 CSV for most provinces; about a quarter of the provinces send GBK CSV with Chinese
// headers; one province sends tab-separated UTF-8 with a BOM and CRLF line ends (still named .csv). National
// scale: one file per year and province. Small scale: the UTF-8 provinces share one file per year, the others keep
// one per province.
import { stream } from './random.ts';
import { YEARS } from './scale.ts';
import type { World } from './world.ts';
import type { CsvOptions } from './write/csv.ts';

export type EnforcementForm = 'utf8' | 'gbk' | 'tsv';

export interface EnforcementFile {
  year: number;
  name: string;
  form: EnforcementForm;
  provinces: string[];
}

export const CSV_OPTIONS: Record<EnforcementForm, CsvOptions> = {
  utf8: { encoding: 'utf8' },
  gbk: { encoding: 'gbk' },
  tsv: { encoding: 'utf8', bom: true, delimiter: '\t', newline: '\r\n' },
};

/** Province code → the form its enforcement office sends. */
export function enforcementForms(world: World): Map<string, EnforcementForm> {
  const codes = world.provinces.map((p) => p.code);
  const shuffled = stream(world.seed, 'layout', 'enforcement').shuffled(codes);
  const gbk = world.scale.allDivisions ? Math.max(1, Math.round(codes.length * 0.25)) : 2;
  const forms = new Map<string, EnforcementForm>();
  for (const [i, code] of shuffled.entries()) forms.set(code, i === 0 ? 'tsv' : i <= gbk ? 'gbk' : 'utf8');
  return forms;
}

export function enforcementFiles(world: World): EnforcementFile[] {
  const forms = enforcementForms(world);
  const files: EnforcementFile[] = [];
  for (const year of YEARS) {
    const shared: string[] = [];
    for (const p of world.provinces) {
      const form = forms.get(p.code)!;
      if (form === 'utf8' && !world.scale.allDivisions) shared.push(p.code);
      else files.push({ year, form, provinces: [p.code], name: `enforcement_decisions_${year}_${p.code}.csv` });
    }
    if (shared.length) files.push({ year, form: 'utf8', provinces: shared, name: `enforcement_decisions_${year}.csv` });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every other dataset's files (names only; each generator knows its own form). */
export const FILES = {
  regions: 'regions.xlsx',
  annualReports: (year: number) => `annual_reports_${year}.xlsx`,
  selfAssessments: (year: number) => `self_assessments_${year}.xlsx`,
  litigation: (year: number) => `litigation_cases_${year}.csv`,
  disclosure: (year: number) => `disclosure_requests_${year}.csv`,
  enforcementStats: 'enforcement_stats.csv',
  normative: 'normative_documents.csv',
  incidents: 'incidents.jsonl',
  satisfaction: 'satisfaction_surveys.parquet',
  spotchecks: 'spotcheck_findings.csv',
  benchmarks: 'national_benchmarks_synthetic.csv',
  planted: 'planted.json',
} as const;
