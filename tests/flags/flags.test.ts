// Risk flags: each rule on handmade rows, explanations with numbers, evidence with file and line, and persistence
// across refreshes (stable ids, first_seen kept, resolved instead of deleted, evidence never rewritten).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderFlag, type Params } from '../../pipeline/vocabulary/index.ts';
import type { Database } from '../../pipeline/db/index.ts';
import { describeRules, readFlags } from '../../pipeline/flags/index.ts';
import { addRegions, addRows, openTestDb, run } from '../indicators/fixtures.ts';

let db: Database;
beforeEach(async () => {
  db = await openTestDb();
  await addRegions(db, [{ code: '110101' }, { code: '110102', batch: 2020 }]);
});
afterEach(() => db.close());

const report = (region: string, year: number, over: Record<string, unknown> = {}) => ({
  region_code: region,
  report_year: year,
  submitted_on: `${year + 1}-01-20`,
  published_on: `${year + 1}-01-22`,
  ...over,
});

const cases = (region: string, year: number, lost: number, other: number) =>
  Array.from({ length: lost + other }, (_, i) => ({
    case_id: `${region}-${year}-${i}`,
    region_code: region,
    defendant_agency: '政府',
    filed_on: `${year}-01-02`,
    concluded_on: `${year}-06-01`,
    outcome: i < lost ? 'lost' : 'won',
    is_major: false,
    judgment_performed: i < lost ? true : null,
  }));

/** A flag's explanation as the CLI and export show it: rendered from its rule and numbers. */
const zhMessage = (f: { rule_id: string; numbers: unknown }, lang: 'zh' | 'en' = 'zh') =>
  renderFlag(f.rule_id, f.numbers as Params, lang);

describe('flag rules', () => {
  it('documents every rule in its SQL header (rule id = file name, version, what fires it)', () => {
    const rules = describeRules();
    expect(rules.map((r) => r.id)).toEqual([
      'conformance_below_bar',
      'disclosure_report_contradiction',
      'disclosure_report_unbalanced',
      'funnel_outlier',
      'metric_not_met',
      'report_late',
      'report_missing',
      'self_assessment_contradiction',
      'self_report_contradiction',
      'sudden_drop',
      'worsening',
    ]);
    for (const r of rules) expect(r.version).toBeGreaterThanOrEqual(1);
  });

  it('flags a missing annual report (high) and a late one with the days late, the late one citing file and line', async () => {
    await addRows(db, 'annual_reports', [
      report('110102', 2023, { submitted_on: '2024-02-18', _line: 7 }),
      report('110102', 2021),
      report('110102', 2022),
      report('110102', 2019),
    ]);
    await run(db, '2024-06-30');
    const flags = await readFlags(db, { region: '110102' });
    const missing = flags.find((f) => f.rule_id === 'report_missing')!;
    expect(missing).toMatchObject({ year: 2020, severity: 'high' });
    expect(zhMessage(missing)).toContain('2020年度法治政府建设年度报告未报送');
    const late = flags.find((f) => f.rule_id === 'report_late')!;
    expect(late).toMatchObject({ year: 2023, severity: 'medium', numbers: { days_late: 18 } });
    expect(zhMessage(late)).toContain('逾期18天');
    expect(late.evidence).toEqual([
      expect.objectContaining({
        dataset: 'annual_reports',
        record_id: '110102|2023',
        file_name: 'annual_reports.csv',
        line: 7,
      }),
    ]);
  });

  it('flags a metric not met with value, counts and threshold in Chinese, and its failing records as evidence', async () => {
    await addRows(db, 'satisfaction_surveys', [
      { region_code: '110101', year: 2024, respondents: 200, satisfied: 150 },
    ]);
    await run(db, '2025-02-01');
    const f = (await readFlags(db, { rule: 'metric_not_met', region: '110101', year: 2024 })).find(
      (x) => x.detail_key === 'satisfaction.rate',
    )!;
    expect(zhMessage(f)).toBe('2024年 群众对化解矛盾纠纷工作满意度未达标：75.0%（150/200），标准≥80.0%（>= 80%）');
    // the note quoting the indicator system's own words is left out in English: the standard is there
    expect(zhMessage(f, 'en')).toBe('2024 satisfaction.rate not met: 75.0% (150/200), standard ≥80.0%');
    expect(f.evidence[0]).toMatchObject({
      dataset: 'satisfaction_surveys',
      record_id: '110101|2024',
      file_name: 'satisfaction_surveys.csv',
      line: 2,
    });
  });

  it('flags a self-reported loss count differing from the cases by more than 10% and at least 3 cases, never below that', async () => {
    await addRows(db, 'litigation_cases', [...cases('110101', 2024, 10, 56), ...cases('110102', 2024, 30, 30)]);
    await addRows(db, 'annual_reports', [
      report('110101', 2024, { litigation_lost: 2, litigation_concluded: 66 }), // 2 vs 10: flagged
      report('110102', 2024, { litigation_lost: 28, litigation_concluded: 60 }), // 28 vs 30: 6.7%, not flagged
    ]);
    await run(db, '2025-03-01');
    const flags = await readFlags(db, { rule: 'self_report_contradiction' });
    expect(flags.map((f) => [f.region_code, f.detail_key])).toEqual([['110101', 'annual_reports.litigation_lost']]);
    expect(flags[0].numbers).toMatchObject({ stated: 2, counted: 10, difference: -8 });
    expect(zhMessage(flags[0])).toContain('不构成摘牌依据');
    expect(flags[0].evidence.map((e) => e.dataset)).toEqual(['annual_reports', ...Array(10).fill('litigation_cases')]);
  });

  it('flags a self-assessment that calls an indicator met when the data say it is not, and no other', async () => {
    await addRows(db, 'satisfaction_surveys', [
      { region_code: '110101', year: 2024, respondents: 200, satisfied: 150 }, // No. 84: 75%, not met
      { region_code: '110102', year: 2024, respondents: 200, satisfied: 190 }, // met
    ]);
    await addRows(db, 'self_assessments', [
      { region_code: '110101', report_year: 2024, indicator_no: 84, met: true, evidence: '满意度测评报告' }, // contradicted
      { region_code: '110101', report_year: 2024, indicator_no: 27, met: true }, // no data on No. 27: no contradiction
      { region_code: '110102', report_year: 2024, indicator_no: 84, met: true }, // agrees with the data
      { region_code: '110102', report_year: 2023, indicator_no: 84, met: false }, // says not met: nothing to flag
    ]);
    await run(db, '2025-03-01');
    const flags = await readFlags(db, { rule: 'self_assessment_contradiction' });
    expect(flags.map((f) => [f.region_code, f.year, f.detail_key])).toEqual([['110101', 2024, 'self_assessments.84']]);
    expect(flags[0].numbers).toMatchObject({
      indicator_no: 84,
      self_assessed_met: true,
      metrics_not_met: ['satisfaction.rate'],
    });
    expect(zhMessage(flags[0])).toBe(
      '2024年度指标自评称第84项指标达标，数据显示未达标：群众对化解矛盾纠纷工作满意度（疑似材料不实的筛查信号，需核查，不构成摘牌依据）',
    );
    expect(flags[0].evidence[0]).toMatchObject({
      dataset: 'self_assessments',
      record_id: '110101|2024|84',
      file_name: 'self_assessments.csv',
      line: 2,
    });
  });

  it('flags conformance below 90% of the seed indicator Nos. for a designated region, naming the counts', async () => {
    await addRows(db, 'satisfaction_surveys', [{ region_code: '110101', year: 2024, respondents: 100, satisfied: 50 }]);
    await addRows(db, 'annual_reports', [report('110101', 2024)]);
    await run(db, '2025-02-01');
    const [f] = await readFlags(db, { rule: 'conformance_below_bar', region: '110101', year: 2024 });
    expect(f).toMatchObject({ severity: 'high', numbers: { items_met: 2, items_assessed: 3 } });
    expect(zhMessage(f)).toContain('达标指标2项/参评3项（按指标序号计）');
  });

  it('raises no flag on a year not yet complete except late reporting, and the flags once it is', async () => {
    await addRows(db, 'satisfaction_surveys', [{ region_code: '110101', year: 2024, respondents: 100, satisfied: 50 }]);
    await addRows(db, 'annual_reports', [report('110102', 2023, { submitted_on: '2024-02-18' })]);
    await run(db, '2025-01-31');
    const partial = await readFlags(db, { region: '110101', year: 2024 });
    expect(partial).toEqual([]);
    expect((await readFlags(db, { rule: 'report_late', region: '110102' })).map((f) => f.year)).toEqual([2023]);
    await run(db, '2025-02-01');
    const rules = (await readFlags(db, { region: '110101', year: 2024 })).map((f) => f.rule_id);
    expect(rules).toEqual(expect.arrayContaining(['metric_not_met', 'conformance_below_bar', 'report_missing']));
  });

  it('flags a funnel outlier, a sudden drop and a two-year slide in a rate', async () => {
    const regions = Array.from({ length: 12 }, (_, i) => ({ code: `1201${String(i).padStart(2, '0')}` }));
    await addRegions(db, regions);
    const surveys = regions.flatMap((r, i) =>
      [2022, 2023, 2024].map((year) => ({
        region_code: r.code,
        year,
        respondents: 1000,
        // region 0 slides 97% → 90% → 70%; the others sit at 90% ± 1 point
        satisfied: i === 0 ? { 2022: 970, 2023: 900, 2024: 700 }[year]! : 890 + ((i + year) % 3) * 10,
      })),
    );
    await addRows(db, 'satisfaction_surveys', surveys);
    await run(db, '2025-02-01');
    const flags = await readFlags(db, { region: '120100', year: 2024 });
    const rules = flags.map((f) => `${f.rule_id} ${f.detail_key}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'funnel_outlier satisfaction.rate',
        'sudden_drop satisfaction.rate',
        'worsening satisfaction.rate',
      ]),
    );
    expect(flags.find((f) => f.rule_id === 'funnel_outlier')).toMatchObject({
      severity: 'high',
      numbers: { model: 'additive', fdr_q: 0.05 },
    });
    expect((flags.find((f) => f.rule_id === 'funnel_outlier')!.numbers as { q_value: number }).q_value).toBeLessThan(
      0.05,
    );
    expect(zhMessage(flags.find((f) => f.rule_id === 'worsening')!)).toContain(
      '2022年97.0%（n=1000）→ 2023年90.0%（n=1000）→ 2024年70.0%（n=1000）',
    );
  });
});

describe('persistence across refreshes', () => {
  it('keeps the flag id and first_seen_run, moves last_seen_run, and marks a flag that stops firing resolved', async () => {
    await addRows(db, 'satisfaction_surveys', [
      { region_code: '110101', year: 2024, respondents: 100, satisfied: 70, _line: 5 },
    ]);
    const first = await run(db, '2025-02-01');
    const satisfaction = async (all = false) =>
      (await readFlags(db, { rule: 'metric_not_met', region: '110101', all })).filter(
        (f) => f.detail_key === 'satisfaction.rate',
      );
    const [before] = await satisfaction();
    const second = await run(db, '2025-02-01');
    const [again] = await satisfaction();
    expect(again.flag_id).toBe(before.flag_id);
    expect(again).toMatchObject({ first_seen_run: first.run_id, last_seen_run: second.run_id, status: 'active' });
    expect(again.evidence).toEqual(before.evidence);

    // a corrected survey supersedes the old row: the flag no longer fires and is resolved, not deleted
    await db.run(`UPDATE satisfaction_surveys_history SET _superseded_by = 999 WHERE region_code = '110101'`);
    await addRows(db, 'satisfaction_surveys', [{ region_code: '110101', year: 2024, respondents: 100, satisfied: 90 }]);
    const third = await run(db, '2025-02-01');
    const all = await satisfaction(true);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      flag_id: before.flag_id,
      status: 'resolved',
      resolved_run: third.run_id,
      last_seen_run: second.run_id,
    });
    // the evidence first captured stays, pointing at the original file and line
    expect(all[0].evidence).toEqual([
      expect.objectContaining({ record_id: '110101|2024', line: 5, run_id: first.run_id }),
    ]);
    expect(await satisfaction()).toEqual([]);
    expect(third.flags_resolved).toBeGreaterThanOrEqual(1);
  });
});
