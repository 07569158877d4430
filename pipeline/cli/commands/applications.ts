// `shifan applications rank|contradictions|scorecard|fieldcheck|report|candidate|notice|decide --round R`: the
// applicants of a naming round (pipeline/naming): their scorecard against their own data, the contradictions with
// evidence, the combined ranking with rank intervals, the field-check list, the candidate list, notice and naming.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import { loadSystems, metricNamer } from '../../indicators/index.ts';
import {
  addCandidates,
  applicantScorecards,
  contradictions,
  decide,
  describeFieldCheckRule,
  getRound,
  loadApplicationReport,
  makeFieldCheckList,
  publishNotice,
  queryOf,
  rankJson,
  rankRound,
  verifyFieldCheckList,
} from '../../naming/index.ts';
import { cliWord, label, renderContradiction } from '../../vocabulary/index.ts';
import { cliOut, cliPath, langOf, optionsOf, printJson, UsageError, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';
import { usage } from './round.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);

export function registerApplications(program: Command): void {
  const apps = program
    .command('applications')
    .description('applicants of a naming round: rank, contradictions, scorecard, field-check list, candidates, naming');

  apps
    .command('rank')
    .description('the combined ranking (third-party evaluation and satisfaction) with 90% rank intervals')
    .requiredOption('--round <round>', 'the round')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string }>(cmd);
      const { round, ranking } = await withDatabase(
        cmd,
        async (db) => {
          const round = await getRound(db, opts.round);
          return { round, ranking: await rankRound(queryOf(db), round) };
        },
        { readOnly: true },
      ).catch(usage);
      if (opts.json) return printJson(ranking.map(rankJson));
      const w = round.method.weights;
      const lang = langOf(cmd);
      const out = [
        cliWord('rank.method', lang, {
          round: round.round_id,
          tp: w.third_party,
          sat: w.satisfaction,
          conf: w.conformance,
          draws: round.method.draws,
          coverage: Math.round(round.method.coverage * 100),
        }),
        cliWord('rank.rule', lang, { rule: describeFieldCheckRule(round.field_check_rule, lang) }),
        formatTable(
          (
            [
              'head.rank',
              'region',
              'kind',
              'head.conformance',
              'head.contradictions',
              'head.thirdParty',
              'head.satisfaction',
              'head.score',
              'head.interval',
              'head.fieldCheck',
            ] as const
          ).map((h) => cliWord(h, lang)),
          ranking.map((r) => [
            r.rank ?? (r.unranked_reason ? label('unranked', r.unranked_reason, lang) : ''),
            `${r.region_code} ${r.region_name}`,
            label('designation', r.kind, lang),
            pct(r.conformance),
            r.contradictions,
            r.third_party === null ? '—' : r.third_party.toFixed(1),
            r.satisfaction === null
              ? '—'
              : `${pct(r.satisfaction)} (${pct(r.satisfaction_ci?.[0])}–${pct(r.satisfaction_ci?.[1])})`,
            r.score === null ? '—' : r.score.toFixed(2),
            r.rank_interval ? `${r.rank_interval[0]}–${r.rank_interval[1]}` : '—',
            r.field_check ? '✓' : '',
          ]),
        ),
      ];
      cliOut.write(`${out.join('\n')}\n`);
    });

  apps
    .command('contradictions')
    .description("every contradiction between a self-assessment and the applicant's own data, with evidence rows")
    .requiredOption('--round <round>', 'the round')
    .option('--region <code>', 'one applicant')
    .option('--evidence <n>', 'evidence rows to print per contradiction (human output)', '3')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; region?: string; evidence: string }>(cmd);
      const found = await withDatabase(
        cmd,
        async (db) => contradictions(queryOf(db), await getRound(db, opts.round), { region: opts.region ?? null }),
        { readOnly: true },
      ).catch(usage);
      if (opts.json) return printJson(found);
      const lang = langOf(cmd);
      const names = metricNamer(loadSystems());
      if (!found.length) {
        cliOut.write(`${cliWord('contradictions.none', lang)}\n`);
        return;
      }
      const out = [
        cliWord('contradictions.count', lang, {
          n: found.length,
          regions: new Set(found.map((c) => c.region_code)).size,
        }),
      ];
      for (const c of found) {
        out.push(
          `${c.region_code} ${c.region_name} [${label('namingContradiction', c.kind, lang)}] ${renderContradiction(c, lang, names)}`,
        );
        for (const e of c.evidence.slice(0, Number(opts.evidence)))
          out.push(`  ${cliWord('evidence', lang)} ${e.dataset} ${e.record_id}  ${e.file_name ?? ''}:${e.line ?? ''}`);
        if (c.evidence_count > Number(opts.evidence))
          out.push(`  ${cliWord('evidence.total', lang, { n: c.evidence_count })}`);
      }
      cliOut.write(`${out.join('\n')}\n`);
    });

  apps
    .command('scorecard')
    .description("each applicant's own data for the round's data years beside its self-assessment")
    .requiredOption('--round <round>', 'the round')
    .option('--region <code>', 'one applicant')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; region?: string }>(cmd);
      const cards = await withDatabase(
        cmd,
        async (db) => applicantScorecards(queryOf(db), await getRound(db, opts.round), { region: opts.region ?? null }),
        { readOnly: true },
      ).catch(usage);
      if (opts.json) return printJson(cards);
      const lang = langOf(cmd);
      cliOut.write(
        `${formatTable(
          [
            ...(['region', 'kind', 'head.byYear', 'head.decisive'] as const).map((h) => cliWord(h, lang)),
            '≥90%',
            cliWord('head.contradictions', lang),
          ],
          cards.map((c) => [
            `${c.region_code} ${c.region_name}`,
            label('designation', c.kind, lang),
            c.years
              .map(
                (y) =>
                  `${y.year}: ${y.items_met ?? '—'}/${y.items_assessed ?? '—'}${y.provisional ? `(${label('metricStatus', 'provisional', lang)})` : ''}`,
              )
              .join('  '),
            pct(c.conformance),
            c.kind === 'single'
              ? cliWord('scorecard.single', lang)
              : c.meets_bar === null
                ? '—'
                : label('yesNo', c.meets_bar, lang),
            c.contradictions.length,
          ]),
        )}\n`,
      );
    });

  apps
    .command('fieldcheck')
    .description(
      'make the field-check list from the ranking by the round’s rule (audit-logged), or --verify the last one',
    )
    .requiredOption('--round <round>', 'the round')
    .option('--verify', 'recompute the latest list from its stored inputs and compare')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; verify?: boolean }>(cmd);
      if (opts.verify) {
        const v = await withDatabase(
          cmd,
          async (db) => verifyFieldCheckList(queryOf(db), await getRound(db, opts.round)),
          { readOnly: true },
        ).catch(usage);
        if (opts.json) return printJson(v);
        cliOut.write(
          `核查名单 #${v.list_id}：输入完整 ${v.inputs_intact ? '✓' : '✗'}；按保存的输入重算结果一致 ${v.reproduces ? '✓' : '✗'}；` +
            `与当前数据一致 ${v.inputs_current ? '✓' : '✗（名单生成后输入已变化）'}\n重算名单：${v.recomputed.join(' ')}\n`,
        );
        return;
      }
      const list = await withDatabase(cmd, (db) => makeFieldCheckList(db, opts.round, cliActor())).catch(usage);
      if (opts.json) return printJson({ ...list, inputs: undefined });
      cliOut.write(
        `实地核查名单 #${list.list_id}（${describeFieldCheckRule(list.rule)}）：${list.regions.length} 个地区\n` +
          `${list.regions.join(' ')}\n输入 SHA-256 ${list.inputs_sha256}\n`,
      );
    });

  apps
    .command('report <region> <file>')
    .description("load an applicant's self-assessment report (PDF/DOCX/TXT): kept with its SHA-256, text extracted")
    .requiredOption('--round <round>', 'the round')
    .action(async (region: string, file: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ round: string }>(cmd);
      const r = await withDatabase(cmd, (db) =>
        loadApplicationReport(db, opts.round, region, cliPath(file), cliActor()),
      ).catch(usage);
      if (opts.json) return printJson(r);
      cliOut.write(
        `${r.status === 'loaded' ? '已载入' : '已存在，未重复载入'} ${r.file_name}（${r.format}，${r.bytes} 字节，${r.characters} 字）SHA-256 ${r.sha256}\n`,
      );
    });

  apps
    .command('reports')
    .description('the self-assessment reports of a round (file, SHA-256), or those whose text contains --search')
    .requiredOption('--round <round>', 'the round')
    .option('--search <text>', 'a phrase the report text contains')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; search?: string }>(cmd);
      const rows = await withDatabase(
        cmd,
        async (db) => {
          await getRound(db, opts.round);
          return db.allFile<{
            region_code: string;
            region_name: string;
            file_name: string;
            bytes: number;
            sha256: string;
          }>('naming/reports', { round: opts.round, province: null, search: opts.search ?? null, with_text: false });
        },
        { readOnly: true },
      ).catch(usage);
      if (opts.json) return printJson(rows);
      cliOut.write(
        `${formatTable(
          ['地区', '文件', '字节', 'SHA-256'],
          rows.map((r) => [`${r.region_code} ${r.region_name ?? ''}`, r.file_name, r.bytes, r.sha256]),
        )}\n`,
      );
    });

  apps
    .command('candidate <regions...>')
    .description('put applicants on the candidate list (on the field-check list, field check at the bar)')
    .requiredOption('--round <round>', 'the round')
    .action(async (regions: string[], _opts, cmd: Command) => {
      const opts = optionsOf<{ round: string }>(cmd);
      await withDatabase(cmd, (db) => addCandidates(db, opts.round, regions, cliActor())).catch(usage);
      if (opts.json) return printJson({ added: regions });
      cliOut.write(`已列入候选名单：${regions.join(' ')}\n`);
    });

  apps
    .command('notice')
    .description('publish the candidate list: the notice period in working days on the official calendar')
    .requiredOption('--round <round>', 'the round')
    .requiredOption('--from <date>', 'the first day of the notice (YYYY-MM-DD)')
    .option('--medium <text>', 'where it is published (中央新闻媒体)')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; from: string; medium?: string }>(cmd);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.from)) throw new UsageError(`--from must be YYYY-MM-DD, got "${opts.from}"`);
      const p = await withDatabase(cmd, (db) =>
        publishNotice(db, opts.round, opts.from, opts.medium ?? null, cliActor()),
      ).catch(usage);
      if (opts.json) return printJson(p);
      cliOut.write(
        `公示期 ${p.starts_on} 至 ${p.ends_on}（${p.workdays} 个工作日${p.provisional ? '，暂定：日历未公布' : ''}）\n`,
      );
    });

  apps
    .command('decide <region> <decision>')
    .description('decide on a candidate after the notice: named | not_named (a named region enters the directory)')
    .requiredOption('--round <round>', 'the round')
    .requiredOption('--reason <text>', 'the reason')
    .requiredOption('--on <date>', 'the date of the decision (YYYY-MM-DD), after the notice period')
    .action(async (region: string, decision: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; reason: string; on: string }>(cmd);
      if (decision !== 'named' && decision !== 'not_named')
        throw new UsageError(`the decision is named or not_named, got "${decision}"`);
      const d = await withDatabase(cmd, (db) =>
        decide(db, opts.round, { region_code: region, decision, reason: opts.reason, decided_on: opts.on }, cliActor()),
      ).catch(usage);
      if (opts.json) return printJson(d);
      cliOut.write(
        `${region}：${decision === 'named' ? `予以命名，已载入示范地区名录（load ${d.regions_load_id}）` : label('namingDecision', 'not_named', 'zh')}\n`,
      );
    });

  apps
    .command('export')
    .description(
      'write the sealed exports: recommendation list, ranking, candidate list (XLSX, PDF, manifest with SHA-256)',
    )
    .requiredOption('--round <round>', 'the round')
    .option('--out <dir>', 'the exports folder (default data/exports); the package goes to <dir>/naming-<round>/')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ round: string; out?: string }>(cmd);
      const { exportRound } = await import('../../naming/export.ts');
      const r = await withDatabase(cmd, (db) =>
        exportRound(db, opts.round, cliActor(), { root: opts.out ? cliPath(opts.out) : undefined }),
      ).catch(usage);
      if (opts.json) return printJson(r);
      cliOut.write(
        `${r.dir}\n${r.files.map((f) => `  ${f.name}  ${f.bytes} 字节  ${f.sha256}`).join('\n')}\n` +
          `manifest.json SHA-256 ${r.manifest_sha256}${r.pdf === 'skipped' ? '（未安装 Chromium：未生成 PDF）' : ''}\n`,
      );
    });
}
