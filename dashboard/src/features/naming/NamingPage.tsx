// 认定: the naming round (认定程序, section 三). A central analyst goes from the applications to a candidate list
// here: the round's timetable with what is due, the applicants by province with their own data beside their
// self-assessment and every contradiction with its evidence, the combined ranking with rank intervals, the
// field-check list (made by the round's stated rule, reproducible), the candidate list, its notice and the decisions.
import { useState } from 'react';
import { useCanAct, useSession } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import {
  label as vocabularyLabel,
  namingDecision,
  renderRoundProgress,
} from '../../../../pipeline/vocabulary/index.ts';
import {
  type Candidates,
  type DecisionBody,
  type FieldCheck,
  namingApi,
  type Ranked,
  type Scorecard,
  useApplicants,
  useCandidates,
  useExports,
  useFieldCheck,
  useRanking,
  useReports,
  useRoundStatus,
  useRounds,
} from './data.ts';
import { useErrorState } from '../../components/error-state.ts';

const pct = (x: number | null | undefined) => (x == null ? '—' : `${(100 * x).toFixed(1)}%`);

/** The section's own words: the `naming.*` keys of the page dictionaries (i18n/zh.ts, en.ts). */
type TextKey = MessageKey extends infer K ? (K extends `naming.${infer R}` ? R : never) : never;
function useText() {
  const { t } = useI18n();
  return (k: TextKey) => t(`naming.${k}` as MessageKey);
}

/** A code's label from the vocabulary (a round step, a contradiction, a decision, …) in the page's language. */
function useCode() {
  const { lang } = useI18n();
  return (group: string, code: string | null | undefined) => (code ? vocabularyLabel(group, code, lang) : '');
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <span className="state-error" role="alert">
      {error}
    </span>
  ) : null;
}

function Timetable({ round }: { round: string }) {
  const x = useText();
  const i18n = useI18n();
  const { p, lang } = i18n;
  const code = useCode();
  const q = useRoundStatus(round);
  return (
    <QueryLoad title={x('timetable')} query={q} testId="naming-timetable">
      {(s) => (
        <>
          <p className="muted">
            <span translate="no">{s.round.title}</span>
            {p.semi}
            {x('dataYears')} {s.round.data_from}–{s.round.data_to}
            {p.semi}
            {code('roundStep', 'notice')} {s.round.notice_workdays} {x('workdays')}
          </p>
          <DataTable
            name={`naming-${round}-timetable`}
            testId="naming-steps"
            urlKey={false}
            filter={false}
            rows={s.steps}
            columns={[
              { key: 'step', label: x('step'), value: (r) => code('roundStep', r.step) },
              {
                key: 'due',
                label: x('due'),
                value: (r) => r.due,
                render: (r) => (
                  <>
                    {r.due}
                    {r.provisional && <span className="muted"> {x('provisional')}</span>}
                  </>
                ),
              },
              { key: 'workdays', label: x('workdays'), value: (r) => (r.workdays == null ? '—' : `+${r.workdays}`) },
              {
                key: 'state',
                label: x('state'),
                value: (r) => code('stepState', r.state),
                render: (r) => <span className={`badge badge-${r.state}`}>{code('stepState', r.state)}</span>,
              },
              {
                key: 'holds',
                label: x('holds'),
                wrap: true,
                value: (r) => renderRoundProgress(r.step, s.counts, lang),
              },
            ]}
          />
        </>
      )}
    </QueryLoad>
  );
}

function ScorecardDetail({ card }: { card: Scorecard }) {
  const x = useText();
  const i18n = useI18n();
  const { p } = i18n;
  const code = useCode();
  const claimed = card.items.filter((i) => i.data_status !== 'no_data' || i.claimed_value != null);
  return (
    <div data-testid="naming-scorecard">
      <h3>
        <Link to={`/regions/${card.region_code}`}>
          <span translate="no">{card.region_name}</span>
        </Link>{' '}
        <span className="muted">{card.region_code}</span> {code('designation', card.kind)}{' '}
        <span translate="no">{card.project_name ?? ''}</span>
      </h3>
      <p>
        {card.years.map((y) => (
          <span key={y.year} className="fact">
            {y.year}
            {p.colon}
            {y.items_met ?? '—'}/{y.items_assessed ?? '—'}
            {y.provisional ? `${p.open}${code('metricStatus', 'provisional')}${p.close}` : ''}{' '}
          </span>
        ))}
        {x('conformance')} {pct(card.conformance)}
      </p>
      {card.contradictions.length > 0 && (
        <ul className="evidence" data-testid="naming-contradictions">
          {card.contradictions.map((c) => (
            <li key={`${c.indicator_no}-${c.kind}`}>
              <strong>
                {p.open.trim()}
                {code('namingContradiction', c.kind)}
                {p.close}
              </strong>{' '}
              {i18n.contradiction(c)}
              <ul>
                {c.evidence.slice(0, 6).map((e) => (
                  <li key={`${e.dataset}-${e.record_id}`} className="muted">
                    {x('evidence')} {i18n.dataset(e.dataset)} <span translate="no">{e.record_id}</span>{' '}
                    <span translate="no">
                      {e.file_name}:{e.line}
                    </span>
                  </li>
                ))}
                {c.evidence_count > 6 && <li className="muted">…{c.evidence_count}</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {card.field_position.length > 0 && (
        <DataTable
          name={`naming-position-${card.region_code}`}
          urlKey={false}
          filter={false}
          rows={card.field_position}
          columns={[
            { key: 'metric', label: x('position'), value: (r) => i18n.metric(r.metric_id) },
            { key: 'value', label: x('data'), value: (r) => (r.unit === 'rate' ? pct(r.value) : r.value) },
            { key: 'percentile', label: x('percentile'), value: (r) => pct(r.percentile) },
            {
              key: 'funnel',
              label: x('funnel'),
              value: (r) => (r.funnel_position ? code('funnelPosition', r.funnel_position) : '—'),
            },
          ]}
        />
      )}
      <DataTable
        name={`naming-items-${card.region_code}`}
        urlKey={false}
        rows={claimed}
        columns={[
          { key: 'item', label: x('item') },
          {
            key: 'metrics',
            label: x('figures'),
            wrap: true,
            value: (r) =>
              r.metrics
                .map((m) => `${i18n.metric(m.metric_id)} ${m.unit === 'rate' ? pct(m.value) : (m.value ?? '—')}`)
                .join(p.semi),
          },
          { key: 'data_status', label: x('data'), value: (r) => code('metricStatus', r.data_status) },
          {
            key: 'claimed_status',
            label: x('claim'),
            value: (r) => (r.claimed_status ? code('status', r.claimed_status) : '—'),
          },
          { key: 'claimed_value', label: x('claimed'), align: 'right' },
        ]}
      />
    </div>
  );
}

function Applicants({ round }: { round: string }) {
  const x = useText();
  const code = useCode();
  const i18n = useI18n();
  const q = useApplicants(round);
  const { meta } = useSession();
  const provinceName = new Map((meta?.provinces ?? []).map((p) => [p.code, p.name]));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <QueryLoad title={x('applicants')} query={q} testId="naming-applicants">
      {(cards) => (
        <>
          <DataTable
            name={`naming-${round}-applicants`}
            testId="naming-applicant-table"
            rows={cards}
            initialSort={{ key: 'province_code' }}
            onRowClick={(r) => setOpen(r.region_code)}
            rowLabel={(r) => r.region_name}
            columns={[
              {
                key: 'province_code',
                label: x('province'),
                value: (r) => provinceName.get(r.province_code) ?? r.province_code,
                render: (r) => <span translate="no">{provinceName.get(r.province_code) ?? r.province_code}</span>,
              },
              { key: 'region', label: x('region'), value: (r) => `${r.region_name} ${r.region_code}` },
              { key: 'kind', label: x('kind'), value: (r) => code('designation', r.kind) },
              {
                key: 'conformance',
                label: x('conformance'),
                value: (r) => r.conformance,
                render: (r) => pct(r.conformance),
              },
              {
                key: 'meets_bar',
                label: x('bar'),
                value: (r) => (r.kind === 'single' || r.meets_bar == null ? '—' : i18n.label('yesNo', r.meets_bar)),
              },
              {
                key: 'contradictions',
                label: x('contradictions'),
                value: (r) => r.contradictions.length,
                render: (r) =>
                  r.contradictions.length ? <strong className="state-error">{r.contradictions.length}</strong> : '0',
              },
            ]}
          />
          {open && cards.find((c) => c.region_code === open) && (
            <ScorecardDetail card={cards.find((c) => c.region_code === open)!} />
          )}
        </>
      )}
    </QueryLoad>
  );
}

function Reports({ round }: { round: string }) {
  const x = useText();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const q = useReports(round, search);
  return (
    <QueryLoad
      title={x('reports')}
      query={q}
      testId="naming-reports"
      isEmpty={() => false}
      actions={
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(text.trim());
          }}
        >
          <input
            aria-label={x('search')}
            placeholder={x('search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{x('search')}</button>
        </form>
      }
    >
      {(rows) => (
        <DataTable
          name={`naming-${round}-reports`}
          urlKey={false}
          rows={rows}
          columns={[
            { key: 'region', label: x('region'), value: (r) => `${r.region_name ?? ''} ${r.region_code}` },
            { key: 'file_name', label: x('file') },
            { key: 'bytes', label: x('bytes'), align: 'right' },
            { key: 'sha256', label: 'SHA-256', render: (r) => <code>{r.sha256}</code> },
          ]}
        />
      )}
    </QueryLoad>
  );
}

function Ranking({ round, onChange }: { round: string; onChange(): void }) {
  const x = useText();
  const code = useCode();
  const q = useRanking(round);
  const canAct = useCanAct();
  const [error, setError] = useErrorState();
  const make = async () => {
    setError(null);
    try {
      await namingApi.makeFieldCheck(round);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <QueryLoad
      title={x('ranking')}
      query={q}
      testId="naming-ranking"
      actions={
        canAct ? (
          <button type="button" onClick={() => void make()} data-testid="naming-make-list">
            {x('makeList')}
          </button>
        ) : undefined
      }
    >
      {(rows) => (
        <>
          <p className="muted">{x('method')}</p>
          <ErrorLine error={error} />
          <DataTable<Ranked>
            name={`naming-${round}-ranking`}
            testId="naming-ranking-table"
            rows={rows}
            columns={[
              {
                key: 'rank',
                label: x('rank'),
                value: (r) => r.rank,
                render: (r) => r.rank ?? (r.unranked_reason ? code('unranked', r.unranked_reason) : '—'),
              },
              { key: 'region', label: x('region'), value: (r) => `${r.region_name} ${r.region_code}` },
              { key: 'kind', label: x('kind'), value: (r) => code('designation', r.kind) },
              {
                key: 'score',
                label: x('score'),
                value: (r) => r.score,
                render: (r) => r.score?.toFixed(2) ?? '—',
                align: 'right',
              },
              {
                key: 'interval',
                label: x('interval'),
                value: (r) => (r.rank_interval ? `${r.rank_interval[0]}–${r.rank_interval[1]}` : '—'),
              },
              {
                key: 'third_party',
                label: x('thirdParty'),
                value: (r) => r.third_party?.toFixed(1) ?? '—',
                align: 'right',
              },
              {
                key: 'satisfaction',
                label: x('satisfaction'),
                value: (r) =>
                  r.satisfaction == null
                    ? '—'
                    : `${pct(r.satisfaction)} (${pct(r.satisfaction_ci?.[0])}–${pct(r.satisfaction_ci?.[1])})`,
              },
              { key: 'conformance', label: x('conformance'), value: (r) => pct(r.conformance) },
              { key: 'contradictions', label: x('contradictions'), align: 'right' },
              { key: 'field_check', label: x('fieldCheck'), value: (r) => (r.field_check ? '✓' : '') },
            ]}
          />
        </>
      )}
    </QueryLoad>
  );
}

function FieldCheckPanel({ round, data, onChange }: { round: string; data: FieldCheck; onChange(): void }) {
  const x = useText();
  const i18n = useI18n();
  const { p } = i18n;
  const code = useCode();
  const canAct = useCanAct();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useErrorState();
  if (!data.list) return <p className="muted">{x('makeList')}</p>;
  const add = async () => {
    setError(null);
    try {
      await namingApi.addCandidates(round, [...picked]);
      setPicked(new Set());
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  const results = new Map(data.results.map((r) => [r.region_code, r]));
  const v = data.verification;
  return (
    <div data-testid="naming-field-check">
      <p className="muted">
        #{data.list.list_id} · {data.list.made_at} · {data.list.made_by} · SHA-256{' '}
        {data.list.inputs_sha256.slice(0, 16)}… · {x('verified')} {v?.reproduces && v.inputs_intact ? '✓' : '✗'} ·{' '}
        {x('current')} {v?.inputs_current ? '✓' : '✗'}
      </p>
      <ul className="checklist">
        {data.list.regions.map((region) => {
          const r = results.get(region);
          const text = `${r?.region_name ?? region} ${region} · ${code('designation', r?.kind)} · ${x('checked')} ${
            r ? `${r.confirmed}/${r.checked}${p.open}${pct(r.share)}${p.close}` : '—'
          }`;
          return (
            <li key={region} data-value={r?.region_name ?? undefined}>
              {canAct ? (
                <label>
                  <input
                    type="checkbox"
                    checked={picked.has(region)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(region);
                      else next.delete(region);
                      setPicked(next);
                    }}
                  />{' '}
                  {text}
                </label>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
      {canAct && (
        <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void add()}>
          {x('toCandidates')}
        </button>
      )}
      <ErrorLine error={error} />
    </div>
  );
}

function DecisionForm({ round, code, onDone }: { round: string; code: string; onDone(): void }) {
  const x = useText();
  const { lang } = useI18n();
  const [decision, setDecision] = useState<DecisionBody['decision']>('named');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState('');
  const [error, setError] = useErrorState();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        namingApi
          .decide(round, { region_code: code, decision, reason, decided_on: on })
          .then(onDone, (err: unknown) => setError(err));
      }}
    >
      <select
        aria-label={x('decision')}
        value={decision}
        onChange={(e) => setDecision(e.target.value as DecisionBody['decision'])}
      >
        {Object.entries(namingDecision).map(([k, v]) => (
          <option key={k} value={k}>
            {v[lang]}
          </option>
        ))}
      </select>
      <input type="date" aria-label={x('due')} value={on} onChange={(e) => setOn(e.target.value)} required />
      <input
        aria-label={x('reason')}
        placeholder={x('reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={!reason.trim() || !on}>
        {x('decide')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function CandidatesPanel({ round, data, onChange }: { round: string; data: Candidates; onChange(): void }) {
  const x = useText();
  const i18n = useI18n();
  const { p } = i18n;
  const code = useCode();
  const canAct = useCanAct();
  const [start, setStart] = useState('');
  const [medium, setMedium] = useState('');
  const [error, setError] = useErrorState();
  return (
    <div data-testid="naming-candidates">
      {data.notice ? (
        <p>
          {code('roundStep', 'notice')}
          {p.colon}
          {data.notice.starts_on} – {data.notice.ends_on}
          {p.open}
          {data.notice.workdays} {x('workdays')}
          {data.notice.provisional ? `${p.comma}${x('provisional')}` : ''}
          {p.close} <span translate="no">{data.notice.medium ?? ''}</span>
        </p>
      ) : (
        canAct &&
        data.candidates.length > 0 && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              namingApi.notice(round, start, medium).then(onChange, (err: unknown) => setError(err));
            }}
          >
            <input
              type="date"
              aria-label={code('roundStep', 'notice')}
              value={start}
              onChange={(e) => setStart(e.target.value)}
              required
            />
            <input
              aria-label={x('medium')}
              placeholder={x('medium')}
              value={medium}
              onChange={(e) => setMedium(e.target.value)}
            />
            <button type="submit" className="primary" disabled={!start}>
              {x('publish')}
            </button>
            <ErrorLine error={error} />
          </form>
        )
      )}
      <DataTable
        name={`naming-${round}-candidates`}
        testId="naming-candidate-table"
        urlKey={false}
        rows={data.candidates}
        columns={[
          { key: 'region', label: x('region'), value: (r) => `${r.region_name} ${r.region_code}` },
          { key: 'kind', label: x('kind'), value: (r) => code('designation', r.kind) },
          { key: 'basis', label: x('basis'), wrap: true },
          {
            key: 'objections',
            label: x('objections'),
            value: (r) => `${r.objections}${p.open}${r.objections_pending}${p.close}`,
          },
          {
            key: 'decision',
            label: x('decision'),
            value: (r) => (r.decision ? `${code('namingDecision', r.decision)} ${r.decided_on}` : ''),
            render: (r) =>
              r.decision ? (
                <>
                  {code('namingDecision', r.decision)} {r.decided_on}
                  {p.colon}
                  <span translate="no">{r.decision_reason}</span>
                </>
              ) : canAct && data.notice ? (
                <DecisionForm round={round} code={r.region_code} onDone={onChange} />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {data.objections.length > 0 && (
        <DataTable
          name={`naming-${round}-objections`}
          urlKey={false}
          rows={data.objections}
          columns={[
            { key: 'objection_id', label: x('objections') },
            { key: 'region', label: x('region'), value: (r) => `${r.region_name ?? ''} ${r.region_code}` },
            { key: 'received_on', label: x('due') },
            { key: 'summary', label: x('reason'), wrap: true },
            { key: 'handling', label: x('state'), value: (r) => code('handling', r.handling) },
            { key: 'source', label: x('evidence'), value: (r) => `${r.file_name ?? ''}:${r.line ?? ''}` },
          ]}
        />
      )}
    </div>
  );
}

function Exports({ round }: { round: string }) {
  const x = useText();
  const { user } = useSession();
  const canAct = useCanAct();
  // the exports hold every province's applicants: the central office and admin only, as the quarterly packages
  const allowed = user?.role !== 'provincial';
  const written = useExports(round, allowed);
  const [error, setError] = useErrorState();
  if (!allowed) return null;
  const lists: Array<[string, TextKey]> = [
    ['recommendation', 'recommendation'],
    ['ranking', 'rank'],
    ['candidates', 'candidateList'],
  ];
  const make = () => {
    setError(null);
    namingApi.makeExport(round).then(
      () => written.reload(),
      (e: unknown) => setError(e),
    );
  };
  const files = new Set(written.data?.files.map((f) => f.name) ?? []);
  const link = (name: string, text: string) =>
    files.has(name) ? <a href={namingApi.exportUrl(round, name)}>{text}</a> : null;
  return (
    <section className="panel" data-testid="naming-exports">
      <header className="panel-head">
        <h2>{x('exports')}</h2>
        {canAct && (
          <button type="button" onClick={make} data-testid="naming-make-export">
            {x('makeExport')}
          </button>
        )}
      </header>
      {/* links only to files that exist: before the first export there is nothing to download */}
      {written.data && files.size === 0 && <p className="muted">{x('notExported')}</p>}
      {files.size > 0 && (
        <p className="row" data-testid="naming-export-links">
          {lists.map(([list, key]) => (
            <span key={list}>
              {x(key)} {link(`${list}.xlsx`, 'XLSX')}
              {files.has(`${list}.pdf`) && ' · '}
              {link(`${list}.pdf`, 'PDF')}
            </span>
          ))}
          <a href={namingApi.exportUrl(round, 'manifest.json')} translate="no">
            manifest.json
          </a>
        </p>
      )}
      {written.data?.manifest_sha256 && (
        <p className="muted">
          <span translate="no">manifest.json</span> SHA-256 <code>{written.data.manifest_sha256}</code>
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

function RoundView({ round }: { round: string }) {
  const x = useText();
  const fieldCheck = useFieldCheck(round);
  const candidates = useCandidates(round);
  const ranking = useRanking(round);
  const refresh = () => {
    fieldCheck.reload();
    candidates.reload();
    ranking.reload();
  };
  return (
    <>
      <Timetable round={round} />
      <Applicants round={round} />
      <Reports round={round} />
      <Ranking round={round} onChange={refresh} />
      <QueryLoad title={x('fieldCheck')} query={fieldCheck} testId="naming-field-check-panel">
        {(data) => <FieldCheckPanel round={round} data={data} onChange={refresh} />}
      </QueryLoad>
      <QueryLoad title={x('candidates')} query={candidates} testId="naming-candidates-panel" isEmpty={() => false}>
        {(data) => <CandidatesPanel round={round} data={data} onChange={refresh} />}
      </QueryLoad>
      <Exports round={round} />
    </>
  );
}

export default function NamingPage() {
  const x = useText();
  const { query, setQuery } = useRouter();
  const rounds = useRounds();
  return (
    <div className="page" data-page="naming" data-testid="naming-page">
      <h1>{x('title')}</h1>
      <QueryLoad query={rounds} isEmpty={(r) => r.length === 0}>
        {(list) => {
          const current = query.get('round') ?? list[0]?.round_id;
          return (
            <>
              <label className="row">
                {x('round')}
                <select
                  value={current}
                  onChange={(e) => setQuery({ round: e.target.value })}
                  data-testid="naming-round"
                >
                  {list.map((r) => (
                    <option key={r.round_id} value={r.round_id} translate="no">
                      {r.round_id} {r.title}
                    </option>
                  ))}
                </select>
              </label>
              {current && <RoundView key={current} round={current} />}
            </>
          );
        }}
      </QueryLoad>
    </div>
  );
}
