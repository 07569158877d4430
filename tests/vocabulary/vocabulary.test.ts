// The one vocabulary: every code has a label in every language, message templates name the same parameters in
// each language, the codes match what the rest of the product produces, and no label is written anywhere else.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  terms,
  languages,
  errors,
  flagMessage,
  flagFragment,
  watchSummary,
  watchBasis,
  rowReject,
  fileRefusal,
  enumLabels,
  columnLabels,
  datasetLabels,
  renderWatchSummary,
  renderRiskReason,
  renderError,
  CodedError,
  label,
  type Term,
} from '../../pipeline/vocabulary/index.ts';
import { parseProportion } from '../../pipeline/spotcheck/allocation.ts';
import { parseStrata } from '../../pipeline/spotcheck/pool.ts';
import { assignInspectors } from '../../pipeline/spotcheck/inspectors.ts';
import { UserError } from '../../pipeline/users/index.ts';
import { flagRules } from '../../pipeline/flags/rules.ts';
import { TRANSITIONS } from '../../pipeline/watchlist/index.ts';
import { datasets } from '../../pipeline/contracts/index.ts';

const root = join(import.meta.dirname, '..', '..');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[^}]*\}/g)].map((m) => m[0]).sort();

const groups: Record<string, Record<string, Term>> = {
  ...terms,
  ...Object.fromEntries(Object.entries(enumLabels).map(([k, v]) => [`enum.${k}`, v])),
  datasets: datasetLabels,
  ...Object.fromEntries(Object.entries(columnLabels).map(([k, v]) => [`columns.${k}`, v])),
};
const templates: Record<string, Record<string, Term>> = {
  errors,
  flagMessage,
  flagFragment,
  watchSummary,
  watchBasis,
  rowReject,
  fileRefusal,
};

describe('vocabulary', () => {
  it('has a label in every language for every code', () => {
    const missing: string[] = [];
    for (const [group, codes] of Object.entries({ ...groups, ...templates })) {
      for (const [code, term] of Object.entries(codes)) {
        for (const lang of languages) if (!term[lang]?.trim()) missing.push(`${group}.${code} (${lang})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the same parameters in every language of a message', () => {
    const differ: string[] = [];
    for (const [group, codes] of Object.entries(templates)) {
      for (const [code, t] of Object.entries(codes)) {
        if (JSON.stringify(placeholders(t.zh)) !== JSON.stringify(placeholders(t.en))) differ.push(`${group}.${code}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('labels every flag rule of sql/flags and explains each', () => {
    expect(Object.keys(terms.flagRule).sort()).toEqual(flagRules());
    expect(Object.keys(flagMessage).sort()).toEqual(flagRules());
  });

  it('labels every watchlist status the watchlist can move to', () => {
    expect(Object.keys(terms.watchStatus).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  it('gives every contract row rule a Chinese and an English reason', () => {
    for (const d of datasets)
      for (const r of d.rules ?? [])
        expect([d.name, r.code, r.zh.length > 0, r.message.length > 0]).toEqual([d.name, r.code, true, true]);
  });

  it('gives every error code an HTTP status', () => {
    for (const [code, e] of Object.entries(errors))
      expect([code, e.status >= 400 && e.status < 600]).toEqual([code, true]);
  });

  it('keeps the terms the glossary and the seed chose (no drift back)', () => {
    expect(terms.watchStatus.under_review.zh).toBe('核查中');
    expect(terms.metricStatus.provisional.zh).toBe('暂定');
    expect(enumLabels.designation!.comprehensive!.zh).toBe('综合示范');
    expect(Object.keys(enumLabels.level!)).toEqual(['city', 'county']);
  });
});

describe('rendering', () => {
  it('words a watchlist entry of every kind in both languages, with nothing left unfilled', () => {
    const params = {
      description: '某局违法强拆',
      occurred_at: '2024-05-01 10:00',
      source: '媒体报道',
      year: 2024,
      findings: 10,
      met: 7,
      unmet_indicators: [57, 73],
      reason: '主要负责人被问责',
      rule_id: 'self_report_contradiction',
      field: 'litigation_lost',
      stated: 2,
      counted: 10,
      difference: -8,
      incident_kind: 'serious_violation',
      ground: 1,
    };
    for (const kind of Object.keys(terms.watchKind)) {
      for (const lang of languages) {
        const text = renderWatchSummary(kind, params, lang);
        expect([kind, lang, /[{}]|undefined/.test(text)]).toEqual([kind, lang, false]);
      }
    }
    expect(renderWatchSummary('spotcheck_unlinked', params, 'zh')).toBe(
      '2024年回访抽查：核查10项指标，达标7项，未达标指标序号57、73；该地区不在已提交的抽查名单内，需核实后方可作为摘牌依据',
    );
    expect(renderWatchSummary('integrity_signal', params, 'en')).toBe(
      'To review (an integrity signal, never a ground by itself): Annual report on 2024 disagrees with the case records (a screening signal for false materials, to be reviewed, never a ground by itself): Litigation lost stated 2, counted 10, difference -8 (80.0%)',
    );
  });

  it('labels a code in a group, and shows an unknown code as itself', () => {
    expect(label('watchStatus', 'under_review', 'zh')).toBe('核查中');
    expect(label('designation', 'comprehensive', 'en')).toBe('Comprehensive');
    expect(label('flagRule', 'a_rule_added_later', 'zh')).toBe('a_rule_added_later');
  });
});

/** Files of the product that may show words: pipeline (but the vocabulary and the contracts), the dashboard, sql. */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|sql)$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Where a Chinese word is input the product reads, not a label it shows: the vocabulary and the contracts
 * themselves, the cell parsers (是/否 as senders write them), and the demo's synthetic input files.
 */
const INPUT_SPELLINGS = [
  'pipeline/vocabulary/',
  'pipeline/contracts/',
  'sql/macros/parse.sql',
  'sql/spotcheck/inspectors_read.sql',
  'pipeline/demo/',
  'pipeline/naming/demo-round.ts',
  'dashboard/src/features/inspectors/parse.ts',
  // a published 政府信息公开 report's own headings and row names, which the reader looks for in the text
  'pipeline/disclosure-reports/',
];

describe('labels written once', () => {
  it('finds no label of a vocabulary code as a string literal outside the vocabulary and the contracts', () => {
    const labels = new Set<string>();
    for (const codes of Object.values(terms))
      for (const t of Object.values(codes as Record<string, Term>)) labels.add(t.zh);
    for (const values of Object.values(enumLabels)) for (const t of Object.values(values)) labels.add(t.zh);
    for (const d of datasets) for (const r of d.rules ?? []) labels.add(r.zh);
    for (const t of [...Object.values(rowReject), ...Object.values(fileRefusal)]) labels.add(t.zh);
    const files = [
      ...sourceFiles(join(root, 'pipeline')),
      ...sourceFiles(join(root, 'dashboard', 'src')),
      ...sourceFiles(join(root, 'sql')),
    ]
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter((f) => !INPUT_SPELLINGS.some((allowed) => f.startsWith(allowed)));
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const label of labels) {
        if (!/[\u4e00-\u9fff]/.test(label)) continue;
        const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (new RegExp(`['"\`]${escaped}['"\`]`).test(text)) found.push(`${file}: ${label}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('coded domain errors', () => {
  it('refuses a bad proportion, strata or team size with a code the reader gets in either language', () => {
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err as CodedError;
      }
      throw new Error('no error');
    };
    const proportion = caught(() => parseProportion('1.5'));
    expect(proportion).toBeInstanceOf(CodedError);
    expect([proportion.code, proportion.status]).toEqual(['spotcheck.bad_proportion', 400]);
    expect(renderError(proportion.code, proportion.params, 'zh')).toBe(
      '抽取比例须为大于0且不超过1（100%）的小数，如 0.1 或 10%，收到“1.5”',
    );
    const strata = caught(() => parseStrata('county'));
    expect(renderError(strata.code, strata.params, 'en')).toBe(
      'unknown strata "county"; one of none, province, batch, designation',
    );
    expect(caught(() => assignInspectors(['110101'], [], 'ab', 0)).code).toBe('spotcheck.bad_team_size');
  });

  it("says a refused account change in Chinese then English, and a weak password's reason in the reader's language", () => {
    const err = new UserError('user.weak_password', { reason: { zh: '密码太短', en: 'password too short' } });
    expect(err.message).toBe('密码太短（password too short）');
    expect(renderError(err.code, err.params, 'en')).toBe('password too short');
    expect(new UserError('user.exists', { username: 'li' }).status).toBe(400);
    expect(new UserError('user.not_found', { username: 'li' }).status).toBe(404);
  });

  it('words a risk reason from its rule and params in both languages', () => {
    const params = {
      source: 'flag',
      year: 2024,
      rule_id: 'report_late',
      numbers: { submitted_on: '2025-02-18', due_on: '2025-01-31', days_late: 18 },
    };
    expect(renderRiskReason('report_late', params, 'zh')).toBe(
      '年度报告逾期报送：2024年度年度报告逾期报送：2025-02-18报送，截止日期2025-01-31，逾期18天',
    );
    expect(renderRiskReason('report_late', params, 'en')).toBe(
      'Annual report late: Annual report on 2024 submitted late: on 2025-02-18, due 2025-01-31, 18 days late',
    );
    expect(renderRiskReason('persistence', { year: 2023, rule_id: 'worsening', detail_key: 'x.y' }, 'en')).toBe(
      'The same problem the year before: the same flag in 2023 (Worse two years running x.y)',
    );
  });
});
