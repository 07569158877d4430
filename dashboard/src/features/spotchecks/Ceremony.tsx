// The public draw after the freeze, one step at a time: publish the pool (hash and files before the seed exists),
// enter the seed with the proportion as a percentage and the resulting count shown before the draw, review the
// selection and teams, commit. The step is the draw's state, plus `?step=seed` once the pool is published (and
// remembered for the draw in this browser, so a later visit does not ask again).
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useMeta } from '../../app/session.tsx';
import { api, type Certificate } from '../../api/index.ts';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { allocationBeforeSeed } from '../../../../pipeline/spotcheck/allocation.ts';
import { MIN_SEED_DIGITS, markPublished, seedDigits, useCertificate, wasPublished } from './data.ts';
import { FileList, poolOf, stratumSizes } from './files.tsx';
import { Steps, type Step } from './Steps.tsx';
import { useErrorState } from '../../components/error-state.ts';

type Selected = Certificate['selected'][number];

/** A label for a stratum value: a province's name, a batch year, a designation type. */
export function useStratumLabel(by: string | undefined, names?: Record<string, string>) {
  const { label } = useI18n();
  const meta = useMeta();
  const known = names ?? {};
  return (s: string) => {
    if (s === 'all') return '—';
    if (by === 'province') return known[s] ?? meta.provinces.find((p) => p.code === s)?.name ?? s;
    if (by === 'designation') return label('designation', s);
    return s;
  };
}

function SizePreview({
  cert,
  mode,
  amount,
  minimum,
}: {
  cert: Certificate;
  mode: 'proportion' | 'count';
  amount: string;
  minimum: number | undefined;
}) {
  const { t, p } = useI18n();
  const by = cert.strata?.by;
  const stratumLabel = useStratumLabel(by, cert.province_names);
  const sizes = stratumSizes(cert);
  const pool = poolOf(cert)?.size ?? 0;
  const result = useMemo(() => {
    try {
      if (mode === 'proportion') {
        if (!/^\d+(\.\d+)?$/.test(amount.trim()) || Number(amount) <= 0 || Number(amount) > 100) return null;
        return allocationBeforeSeed(sizes, { proportion: `${amount.trim()}%`, perStratumMinimum: minimum });
      }
      if (!/^\d+$/.test(amount.trim()) || Number(amount) < 1 || Number(amount) > pool) return null;
      return allocationBeforeSeed(sizes, { count: Number(amount), perStratumMinimum: minimum });
    } catch {
      return null;
    }
  }, [sizes, mode, amount, pool, minimum]);
  if (!result)
    return (
      <div className="state-error" role="alert" data-testid="size-preview" data-count="">
        {mode === 'proportion' ? t('spot.badAmount') : t('spot.badCount', { pool })}
      </div>
    );
  const { sure, most } = result;
  // the total is fixed; only which of the tied strata get the last regions waits for the seed (tied strata are
  // the same size, so a per-stratum minimum lifts all of them past the tie or none)
  const tie = result.tie && most[result.tie.strata[0]!]! > sure[result.tie.strata[0]!]! ? result.tie : null;
  const total = Object.values(sure).reduce((a, b) => a + b, 0) + (tie?.seats ?? 0);
  const parts = Object.keys(sure)
    .filter((k) => k !== 'all')
    .sort()
    .map((k) => `${stratumLabel(k)} ${sure[k] === most[k] ? sure[k] : `${sure[k]}–${most[k]}`}/${sizes[k]}`);
  // A stratum sure to get nothing has inclusion probability 0: said before the seed, when a minimum can still be set.
  const empty = by ? Object.keys(most).filter((k) => most[k] === 0) : [];
  const emptyRegions = empty.reduce((n, k) => n + sizes[k], 0);
  return (
    <div className="size-preview" data-testid="size-preview" data-count={total} data-zero-strata={empty.length}>
      <strong>{t('spot.willDraw', { n: total, pool })}</strong>
      {parts.length > 0 && <div className="muted">{t('spot.perStratum', { list: parts.join(p.comma) })}</div>}
      {by && tie && (
        <div className="muted" data-testid="seed-ties">
          {t('spot.seedTies', { n: tie.seats, strata: tie.strata.length })}
        </div>
      )}
      {empty.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="zero-strata">
          {t('spot.zeroStrata', { strata: empty.length, regions: emptyRegions })}
        </div>
      )}
    </div>
  );
}

function Publish({ id, cert }: { id: string; cert: Certificate }) {
  const { t } = useI18n();
  const { setQuery } = useRouter();
  const by = cert.strata?.by;
  return (
    <div className="ceremony-step" data-testid="publish-step">
      <p className="note">{t('spot.publishHelp')}</p>
      <h3>{t('spot.downloads')}</h3>
      <FileList id={id} cert={cert} stratumLabel={useStratumLabel(by, cert.province_names)} />
      <p className="note">
        {t('spot.poolFormat')}
        {by ? ` ${t('spot.strataFormat')}` : ''}
      </p>
      <button
        type="button"
        className="primary"
        data-testid="published-button"
        onClick={() => {
          markPublished(id);
          setQuery({ step: 'seed' }, { replace: false });
        }}
      >
        {t('spot.published')}
      </button>
    </div>
  );
}

function SeedEntry({ id, cert, onDrawn }: { id: string; cert: Certificate; onDrawn(): void }) {
  const { t } = useI18n();
  const [seed, setSeed] = useState('');
  const [mode, setMode] = useState<'proportion' | 'count'>('proportion');
  const [amount, setAmount] = useState('10');
  // the CLI's --per-stratum-minimum: off by default (the proportion alone), an explicit choice of the office
  const [useMinimum, setUseMinimum] = useState(false);
  const [minimumText, setMinimumText] = useState('1');
  const stratified = cert.strata?.by != null;
  const minimum =
    stratified && useMinimum && /^\d+$/.test(minimumText.trim()) && Number(minimumText) >= 1
      ? Number(minimumText)
      : undefined;
  const [error, setError] = useErrorState();
  const [busy, setBusy] = useState(false);
  const digits = seedDigits(seed);
  const draw = async () => {
    setBusy(true);
    setError(null);
    try {
      const least = minimum === undefined ? {} : { per_stratum_minimum: minimum };
      await api.draw(
        id,
        mode === 'proportion'
          ? { seed: digits, proportion: `${amount.trim()}%`, ...least }
          : { seed: digits, count: Number(amount), ...least },
      );
      onDrawn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ceremony-seed" data-testid="seed-step">
      <label className="label" htmlFor="seed">
        {t('spot.seed')}
      </label>
      <input
        id="seed"
        data-testid="seed-input"
        className="seed-input"
        inputMode="numeric"
        autoComplete="off"
        value={seed}
        onChange={(e) => setSeed(e.target.value.replace(/[^\d\s]/g, ''))}
      />
      <div className={digits.length >= MIN_SEED_DIGITS ? 'ok' : 'muted'} data-testid="seed-digits">
        {t('spot.digits', { n: digits.length })} (≥ {MIN_SEED_DIGITS})
      </div>
      <div className="row">
        <select
          aria-label={t('spot.proportion')}
          value={mode}
          data-testid="draw-mode"
          onChange={(e) => {
            const m = e.target.value as 'proportion' | 'count';
            setMode(m);
            setAmount(m === 'proportion' ? '10' : '5');
          }}
        >
          <option value="proportion">{t('spot.percent')}</option>
          <option value="count">{t('spot.count')}</option>
        </select>
        <span className="amount">
          <input
            className="short"
            inputMode="decimal"
            aria-label={mode === 'proportion' ? t('spot.percent') : t('spot.count')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            data-testid="draw-amount"
          />
          {mode === 'proportion' ? ' %' : ''}
        </span>
        <SizePreview cert={cert} mode={mode} amount={amount} minimum={minimum} />
      </div>
      {stratified && (
        <div className="row minimum">
          <label>
            <input
              type="checkbox"
              checked={useMinimum}
              data-testid="minimum-toggle"
              onChange={(e) => setUseMinimum(e.target.checked)}
            />
            {t('spot.perStratumMinimum')}
          </label>
          <input
            className="short"
            inputMode="numeric"
            aria-label={t('spot.perStratumMinimum')}
            value={minimumText}
            disabled={!useMinimum}
            data-testid="minimum-input"
            onChange={(e) => setMinimumText(e.target.value)}
          />
          <span className="muted">{t('spot.minimumHelp')}</span>
        </div>
      )}
      <button
        type="button"
        className="primary big"
        data-testid="draw-button"
        disabled={busy || digits.length < MIN_SEED_DIGITS}
        onClick={() => void draw()}
      >
        {t('spot.draw')}
      </button>
      {error && (
        <div className="state-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function SelectionTable({ id, cert, names }: { id: string; cert: Certificate; names?: Map<string, string> }) {
  const { t, p } = useI18n();
  const by = cert.strata?.by;
  const stratumLabel = useStratumLabel(by, cert.province_names);
  const team = (s: Selected) =>
    s.inspectors
      .map(({ inspector_id: idOf }) => (names?.get(idOf) ? `${names.get(idOf)}${p.open}${idOf}${p.close}` : idOf))
      .join(p.list);
  return (
    <DataTable<Selected>
      name={`draw-${id}`}
      testId="selection"
      rows={cert.selected}
      filter={false}
      urlKey={false}
      rowKey={(s) => s.region_code}
      columns={[
        { key: 'draw_order', label: '#', align: 'right' },
        {
          key: 'region_code',
          label: t('col.region_code'),
          render: (s) => <Link to={`/regions/${s.region_code}`}>{s.region_code}</Link>,
        },
        { key: 'region_name', label: t('col.region_name') },
        ...(by ? [{ key: 'stratum', label: t('col.stratum'), value: (s: Selected) => stratumLabel(s.stratum) }] : []),
        // inspectors' names and ids: data values
        { key: 'inspectors', label: t('spot.inspectorsCol'), value: team, wrap: true, data: true },
        {
          key: 'ticket',
          label: t('col.ticket'),
          render: (s) => <code className="ticket">{String(s.ticket).slice(0, 14)}…</code>,
          value: (s) => String(s.ticket),
        },
      ]}
    />
  );
}

function Review({
  id,
  cert,
  onCommitted,
  names,
}: {
  id: string;
  cert: Certificate;
  onCommitted(): void;
  names?: Map<string, string>;
}) {
  const { t } = useI18n();
  const [error, setError] = useErrorState();
  const [busy, setBusy] = useState(false);
  const commit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.commit(id);
      onCommitted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ceremony-result" data-testid="draw-result">
      <div className="label">{t('col.seed')}</div>
      <code className="seed-shown">{cert.seed}</code>
      <h3>
        {t('spot.result')} · {cert.selected.length}
      </h3>
      <SelectionTable id={id} cert={cert} names={names} />
      {cert.state === 'drawn' ? (
        <>
          <p className="note">{t('spot.reviewHelp')}</p>
          <button
            type="button"
            className="primary big"
            data-testid="commit-button"
            disabled={busy}
            onClick={() => void commit()}
          >
            {t('spot.commit')}
          </button>
          {error && (
            <div className="state-error" role="alert">
              {error}
            </div>
          )}
        </>
      ) : (
        <p className="banner banner-ok" role="status" data-testid="committed">
          {t('spot.committed')}
        </p>
      )}
      <Link to={`/spotchecks/${id}`} className="button">
        {t('spot.certificate')}
      </Link>
    </div>
  );
}

export function Ceremony({ id, onChange, names }: { id: string; onChange(): void; names?: Map<string, string> }) {
  const { t, p } = useI18n();
  const { query, setQuery } = useRouter();
  const cert = useCertificate(id);
  const done = () => {
    cert.reload();
    onChange();
    setQuery({ step: null });
  };
  return (
    <QueryLoad title={`${t('spot.ceremony')} · #${id}`} query={cert} testId="ceremony" className="ceremony">
      {(c) => {
        const step: Step =
          c.state === 'committed'
            ? 'commit'
            : c.state === 'drawn'
              ? 'review'
              : query.get('step') === 'seed' || wasPublished(id)
                ? 'seed'
                : 'publish';
        return (
          <>
            <Steps current={step} done={c.state === 'committed'} />
            <div className="ceremony-hash">
              <div className="label">{t('spot.poolHash')}</div>
              <code data-testid="pool-hash">{c.pool.sha256}</code>
              <div className="muted">
                {t('col.pool_size')}
                {p.colon}
                {poolOf(c)?.size ?? '—'} · {t('common.year')} {String(c.year ?? '')}
              </div>
            </div>
            {step === 'publish' && <Publish id={id} cert={c} />}
            {step === 'seed' && <SeedEntry id={id} cert={c} onDrawn={done} />}
            {(step === 'review' || step === 'commit') && <Review id={id} cert={c} onCommitted={done} names={names} />}
          </>
        );
      }}
    </QueryLoad>
  );
}
