// The draw certificate, printable on A4 and entirely in the user's language: method, parameters, the published
// files (download links with their SHA-256: anyone can check and recompute from the page), seed, selection with
// teams, risk-targeted checks, the commands, the audit anchor; a verification shown as a checklist. A provincial
// account sees the same public parts with its own province's selections, and no empty sections.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { useCanAct, useSession } from '../../app/session.tsx';
import { api, type Certificate, type Verification } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { useCertificate } from './data.ts';
import { FileList, poolOf, strataOf } from './files.tsx';
import { SelectionTable, useStratumLabel } from './Ceremony.tsx';

type Check = Verification['checks'][number];

function Checklist({ checks, ok }: { checks: Check[]; ok: boolean }) {
  const { t } = useI18n();
  // every code has its words in the vocabulary (verifyCheck); verify.ts cannot name a check without them
  const name = (c: Check['check']) => t(`spot.check.${c}`);
  return (
    <div className={`verdict ${ok ? 'ok' : 'bad'}`} data-testid="verify-result" data-ok={ok}>
      <strong>{ok ? t('spot.verified') : t('spot.verifyFailed')}</strong>
      <h3>{t('spot.checklist')}</h3>
      <ul className="checklist">
        {checks.map((c) => (
          <li key={c.check} className={c.ok ? 'ok' : 'bad'} data-check={c.check} data-ok={c.ok}>
            <span className="mark" aria-hidden="true">
              {c.ok ? '✓' : '✗'}
            </span>
            <span>{name(c.check)}</span>
            <span className="sr-only">{c.ok ? t('spot.checkPassed') : t('spot.checkFailed')}</span>
            {!c.ok && <code className="detail">{c.detail}</code>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the strata table means for a region, and which regions could not have been drawn at all. */
function ProbabilityNote({ rows }: { rows: NonNullable<Certificate['strata']>['per_stratum'] }) {
  const { t } = useI18n();
  // by the design's probability: a stratum that lost a tie the seed settled had a chance, and is not listed
  const empty = rows.filter((s) => s.inclusion_probability === 0);
  return (
    <>
      <p className="muted">{t('spot.probabilityNote')}</p>
      {empty.length > 0 && (
        <p className="banner banner-warn" data-testid="zero-probability">
          {t('spot.zeroProbability', { strata: empty.length, regions: empty.reduce((n, s) => n + s.size, 0) })}
        </p>
      )}
    </>
  );
}

function Body({ id, c }: { id: string; c: Certificate }) {
  const { t, label, date, p } = useI18n();
  const { user } = useSession();
  const pool = poolOf(c);
  const strata = strataOf(c);
  const stratumLabel = useStratumLabel(strata?.by, c.province_names);
  const params = c.parameters;
  const risk = c.risk_targeted;
  const { recompute, audit } = c;
  const provincial = c.province_view != null;
  const inspectors = useQuery(
    [c.year],
    () => api.inspectors(Number(c.year)),
    user?.role === 'central' || user?.role === 'admin',
  );
  const names = new Map((inspectors.data ?? []).map((i) => [i.inspector_id, i.name]));
  const drawn = c.seed != null;
  const size =
    params.proportion != null
      ? `${t('spot.proportion')} ${params.proportion}`
      : params.count != null
        ? `${t('spot.count')} ${params.count}`
        : null;
  return (
    <article className="certificate">
      <header>
        <div className="cert-org">{t('app.org')}</div>
        <h1>
          {t('spot.certificateTitle', { year: String(c.year ?? '') })} · {t('spot.certificate')}
        </h1>
        <div className="muted">
          #{String(c.draw_id ?? id)} · {label('spot.state', c.state)} ·{' '}
          {date(c.committed_at ?? c.drawn_at ?? c.frozen_at, true)}
        </div>
      </header>
      {!drawn && <p className="banner banner-info">{t('spot.notDrawnYet')}</p>}
      <section>
        <h2>{t('spot.protocol')}</h2>
        <p className="protocol" data-testid="protocol-text">
          {t('spot.protocolText')}
        </p>
        <p className="muted">
          {t('spot.protocolVersion')}
          {p.colon}
          <code translate="no">{String(c.protocol_version ?? '')}</code>
        </p>
      </section>
      <section>
        <h2>{t('spot.parameters')}</h2>
        <table className="kv">
          <tbody>
            <tr>
              <th scope="row">{t('spot.strata')}</th>
              <td>{label('spot.strata', params.strata ?? 'none')}</td>
            </tr>
            <tr>
              <th scope="row">{t('spot.exclusions')}</th>
              <td>
                {params.exclusions?.length
                  ? params.exclusions.map((e) => label('spot.exclusion', e.name)).join(p.list)
                  : t('common.none')}
              </td>
            </tr>
            {size && (
              <tr>
                <th scope="row">
                  {t('spot.proportion')} / {t('spot.count')}
                </th>
                <td>{size}</td>
              </tr>
            )}
            {params.allocation_rule != null && (
              <tr>
                <th scope="row">{t('spot.allocationRule')}</th>
                <td data-testid="allocation-rule">{label('spot.rule', params.allocation_rule)}</td>
              </tr>
            )}
            {params.total_k != null && (
              <tr>
                <th scope="row">{t('spot.totalK')}</th>
                <td>{params.total_k}</td>
              </tr>
            )}
            {params.per_stratum_minimum != null && (
              <tr>
                <th scope="row">{t('spot.perStratumMinimum')}</th>
                <td data-testid="per-stratum-minimum">{params.per_stratum_minimum}</td>
              </tr>
            )}
            {params.team_size != null && (
              <tr>
                <th scope="row">{t('spot.teamSize')}</th>
                <td>{params.team_size}</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('spot.poolHash')}</h2>
        <code className="hash" data-testid="cert-pool-hash">
          {c.pool.sha256}
        </code>
        <p>
          {t('col.pool_size')}
          {p.colon}
          {pool?.size ?? '—'}
        </p>
        <p className="muted">
          {t('spot.poolFormat')}
          {strata ? ` ${t('spot.strataFormat')}` : ''}
        </p>
        {provincial ? (
          <p className="note" data-testid="files-central">
            {t('spot.filesCentral')}
          </p>
        ) : (
          <>
            <h3>{t('spot.downloads')}</h3>
            <FileList id={id} cert={c} stratumLabel={stratumLabel} />
          </>
        )}
        {strata && drawn && (
          <table className="data allocation">
            <thead>
              <tr>
                <th scope="col">{t('spot.stratum')}</th>
                <th scope="col">{t('spot.stratumSize')}</th>
                <th scope="col">{t('spot.take')}</th>
                <th scope="col">{t('col.inclusion_probability')}</th>
              </tr>
            </thead>
            <tbody>
              {strata.per_stratum.map((s) => (
                <tr key={s.stratum}>
                  <td>{stratumLabel(s.stratum)}</td>
                  <td className="num">{s.size}</td>
                  <td className="num">{s.take ?? '—'}</td>
                  <td className="num">{s.inclusion_probability_exact ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {strata && drawn && <ProbabilityNote rows={strata.per_stratum} />}
      </section>
      {drawn && (
        <section>
          <h2>{t('col.seed')}</h2>
          <code className="hash" data-testid="cert-seed">
            {c.seed}
          </code>
          {c.seed_hash ? (
            <p className="muted">
              {t('spot.seedHash')}
              {p.colon}
              <code className="hash-small">{String(c.seed_hash)}</code>
            </p>
          ) : null}
        </section>
      )}
      {drawn && (
        <section>
          <h2>{t('spot.result')}</h2>
          {provincial && (
            <p className="note" data-testid="province-view">
              {t('spot.provinceView', { total: Number(c.selected_total ?? 0), n: c.selected.length })}
            </p>
          )}
          {c.selected.length > 0 ? (
            <SelectionTable id={id} cert={c} names={names} />
          ) : (
            <p className="muted">{t('spot.noneSelectedHere')}</p>
          )}
        </section>
      )}
      {risk.length > 0 && (
        <section>
          <h2>{t('spot.riskTargeted')}</h2>
          <ul>
            {risk.map((r) => (
              <li key={r.region_code}>
                <span translate="no">{r.region_name ?? r.region_code}</span>
                {p.open}
                {r.region_code}
                {p.close}
                {p.colon}
                {r.criterion}
              </li>
            ))}
          </ul>
        </section>
      )}
      {recompute?.without_database?.length ? (
        <section>
          <h2>{t('spot.recompute')}</h2>
          <pre className="commands" translate="no">
            {[...recompute.without_database, recompute.with_database ?? ''].filter(Boolean).join('\n')}
          </pre>
        </section>
      ) : null}
      {audit && (
        <section>
          <h2>{t('spot.auditAnchor')}</h2>
          <p>
            <code className="hash-small">
              {audit.seq}:{audit.hash}
            </code>
          </p>
        </section>
      )}
    </article>
  );
}

export default function CertificatePage({ id }: { id: string }) {
  const { t } = useI18n();
  const cert = useCertificate(id);
  const canAct = useCanAct();
  const [verdict, setVerdict] = useState<{ ok: boolean; checks: Check[] } | { error: string } | null>(null);
  const verify = async () => {
    try {
      const r = await api.verify(id);
      setVerdict({ ok: r.ok, checks: r.checks });
    } catch (e) {
      setVerdict({ error: (e as Error).message });
    }
  };
  return (
    <div className="page certificate-page" data-page="certificate">
      <div className="no-print row">
        <Link to="/spotchecks">← {t('common.back')}</Link>
        <span className="spacer" />
        {canAct && (
          <button type="button" data-testid="verify-button" onClick={() => void verify()}>
            {t('spot.verify')}
          </button>
        )}
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      {verdict &&
        ('error' in verdict ? (
          <div className="verdict bad" role="alert" data-testid="verify-result" data-ok="false">
            {verdict.error}
          </div>
        ) : (
          <Checklist ok={verdict.ok} checks={verdict.checks} />
        ))}
      <QueryLoad query={cert} testId="certificate">
        {(c) => <Body id={id} c={c} />}
      </QueryLoad>
    </div>
  );
}
