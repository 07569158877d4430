// The draw certificate, printable on A4: protocol, pool and its hash, seed, selection with tickets and
// inspectors, and the commands to recompute; with a button to verify the draw again on the server.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { useCanAct } from '../../app/session.tsx';
import { api } from '../../api/index.ts';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { show } from '../region/data.ts';
import { useCertificate } from './data.ts';

export default function CertificatePage({ id }: { id: string }) {
  const { t, label, date } = useI18n();
  const cert = useCertificate(id);
  const canAct = useCanAct();
  const [verdict, setVerdict] = useState<{ ok: boolean; detail: string } | null>(null);
  const verify = async () => {
    try {
      const r = await api.verify(id);
      const ok = r.ok === true || r.verified === true || r.status === 'ok' || r.valid === true;
      setVerdict({ ok, detail: JSON.stringify(r, null, 2) });
    } catch (e) { setVerdict({ ok: false, detail: (e as Error).message }); }
  };
  return (
    <div className="page certificate-page" data-page="certificate">
      <div className="no-print row">
        <Link to="/spotchecks">← {t('common.back')}</Link>
        <span className="spacer" />
        {canAct && <button type="button" data-testid="verify-button" onClick={() => void verify()}>{t('spot.verify')}</button>}
        <button type="button" onClick={() => window.print()}>{t('common.print')}</button>
      </div>
      {verdict && <div className={`verdict ${verdict.ok ? 'ok' : 'bad'}`} data-testid="verify-result" data-ok={verdict.ok}>
        <strong>{verdict.ok ? t('spot.verified') : t('spot.verifyFailed')}</strong><pre>{verdict.detail}</pre></div>}
      <QueryLoad query={cert} testId="certificate">
        {(c) => {
          const pool = c.pool as { size?: number; file?: string; format?: string; regions?: string[] } | undefined;
          const recompute = c.recompute as { without_database?: string[]; with_database?: string } | undefined;
          const params = c.parameters as { proportion?: string; count?: number; total_k?: number | null; allocation_rule_text?: string; per_stratum_minimum?: number | null; allocation?: Record<string, number> | null } | undefined;
          return (
            <article className="certificate">
              <header>
                <div className="cert-org">{t('app.org')}</div>
                <h1>{String(c.year ?? '')} 年度法治政府建设示范地区回访抽查 · {t('spot.certificate')}</h1>
                <div className="muted">#{String(c.id)} · {label('spot.state', c.state)} · {date((c.drawn_at ?? c.frozen_at) as string | null, true)}</div>
              </header>
              <section><h2>{t('spot.poolHash')}</h2><code className="hash">{c.pool_sha256}</code>
                <p>{t('col.pool_size')}：{pool?.size ?? '—'}　{pool?.file ?? ''}　{pool?.format ?? ''}</p></section>
              <section><h2>{t('col.seed')}</h2><code className="hash">{c.seed ?? '—'}</code></section>
              <section><h2>{t('spot.result')}</h2>
                <table className="data"><thead><tr><th>#</th><th>{t('col.region_code')}</th><th>{t('col.region_name')}</th><th>{t('col.stratum')}</th><th>{t('col.ticket')}</th><th>{t('col.inclusion_probability')}</th><th>{t('col.inspectors')}</th></tr></thead>
                  <tbody>{c.selected.map((s, i) => (
                    <tr key={s.region_code}><td>{String((s as { draw_order?: number }).draw_order ?? i + 1)}</td><td>{s.region_code}</td><td>{s.region_name ?? ''}</td><td>{s.stratum ?? ''}</td><td className="ticket"><code>{String(s.ticket)}</code></td>
                      <td>{probability(s as { inclusion_probability?: number; inclusion_probability_exact?: string })}</td>
                      <td>{Array.isArray(s.inspectors) ? s.inspectors.map((x) => (typeof x === 'object' && x ? String((x as { inspector_id?: string }).inspector_id) : String(x))).join('、') : show(s.inspectors)}</td></tr>
                  ))}</tbody></table>
              </section>
              {params?.allocation && <section><h2>{t('spot.allocation')}</h2>
                <p>{params.proportion !== undefined ? `p = ${params.proportion}${params.total_k != null ? `，k = ${params.total_k}` : ''}` : `k = ${params.count}`}{params.per_stratum_minimum != null ? `，≥ ${params.per_stratum_minimum}` : ''}</p>
                <p className="muted">{params.allocation_rule_text}</p>
                <p>{Object.entries(params.allocation).map(([stratum, k]) => `${stratum}: ${k}`).join('　')}</p></section>}
              <section><h2>{t('spot.protocol')}</h2><pre className="protocol">{typeof c.protocol === 'string' ? c.protocol : JSON.stringify(c.protocol, null, 2)}</pre></section>
              <section><h2>{t('spot.recompute')}</h2>
                <pre className="commands">{[...(recompute?.without_database ?? (c.command ? [String(c.command)] : [])), recompute?.with_database ?? ''].filter(Boolean).join('\n')}</pre></section>
            </article>
          );
        }}
      </QueryLoad>
    </div>
  );
}

/** k_s / N_s as the exact fraction and a percentage, e.g. "1/8 (12.5%)". */
function probability(s: { inclusion_probability?: number; inclusion_probability_exact?: string }): string {
  if (typeof s.inclusion_probability !== 'number') return '—';
  return `${s.inclusion_probability_exact ?? ''} (${(s.inclusion_probability * 100).toFixed(1)}%)`;
}
