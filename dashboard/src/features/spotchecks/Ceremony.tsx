// The public draw: the frozen pool's hash is on screen before the seed exists; the seed is typed in large digits
// with a running count; the draw then shows the selected regions with their tickets.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { api } from '../../api/index.ts';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { MIN_SEED_DIGITS, seedDigits, useCertificate } from './data.ts';

export function Ceremony({ id, onDrawn }: { id: string; onDrawn(): void }) {
  const { t } = useI18n();
  const cert = useCertificate(id);
  const [seed, setSeed] = useState('');
  const [mode, setMode] = useState<'proportion' | 'count'>('proportion');
  const [amount, setAmount] = useState('10%');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const digits = seedDigits(seed);
  const draw = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.draw(id, mode === 'proportion' ? { seed: digits, proportion: amount.trim() } : { seed: digits, count: Number(amount) });
      cert.reload();
      onDrawn();
    } catch (e) { setError((e as Error).message); } finally { setBusy(false); }
  };
  return (
    <QueryLoad title={`${t('spot.ceremony')} · #${id}`} query={cert} testId="ceremony" className="ceremony">
      {(c) => (
        <>
          <div className="ceremony-hash">
            <div className="label">{t('spot.poolHash')}</div>
            <code data-testid="pool-hash">{c.pool_sha256}</code>
            <div className="muted">{t('col.pool_size')}：{(c.pool as { size?: number })?.size ?? '—'} · {t('common.year')} {String(c.year ?? '')}</div>
          </div>
          {c.seed == null ? (
            <div className="ceremony-seed">
              <label className="label" htmlFor="seed">{t('spot.seed')}</label>
              <input id="seed" data-testid="seed-input" className="seed-input" inputMode="numeric" autoComplete="off" value={seed}
                onChange={(e) => setSeed(e.target.value.replace(/[^\d\s]/g, ''))} />
              <div className={digits.length >= MIN_SEED_DIGITS ? 'ok' : 'muted'} data-testid="seed-digits">{t('spot.digits', { n: digits.length })} (≥ {MIN_SEED_DIGITS})</div>
              <div className="row">
                <select value={mode} onChange={(e) => { const m = e.target.value as 'proportion' | 'count'; setMode(m); setAmount(m === 'proportion' ? '10%' : '5'); }}>
                  <option value="proportion">{t('spot.proportion')}</option>
                  <option value="count">{t('spot.count')}</option>
                </select>
                <input className="short" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="draw-amount" />
                <button type="button" className="primary big" data-testid="draw-button" disabled={busy || digits.length < MIN_SEED_DIGITS} onClick={() => void draw()}>{t('spot.draw')}</button>
              </div>
              {error && <div className="state-error" role="alert">{error}</div>}
            </div>
          ) : (
            <div className="ceremony-result" data-testid="draw-result">
              <div className="label">{t('col.seed')}</div>
              <code className="seed-shown">{c.seed}</code>
              <h3>{t('spot.result')}</h3>
              <DataTable name={`draw-${id}`} rows={c.selected} filter={false}
                columns={[
                  { key: 'draw_order', label: '#', align: 'right' },
                  { key: 'region_code', label: t('col.region_code') },
                  { key: 'region_name', label: t('col.region_name') },
                  { key: 'stratum', label: t('col.stratum') },
                  { key: 'ticket', label: t('col.ticket') },
                ]} />
              <Link to={`/spotchecks/${id}`} className="button">{t('spot.certificate')}</Link>
            </div>
          )}
        </>
      )}
    </QueryLoad>
  );
}
