// The sidebar's line on the figures: when they were computed, and — when files were loaded since — that newer
// loads wait and when the automatic refresh (pipeline/api/plugins/figures.ts) will run. Polls /api/figures (every
// 5 s while something waits, else every 30 s); when a newer refresh finished, reloads the metadata, which remounts
// the page (App.tsx) so every view shows the new figures.
import { useEffect, useState } from 'react';
import { api, type FiguresStatus as Status } from '../api/index.ts';
import { useMeta, useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/index.tsx';

export function FiguresStatus() {
  const { t, date, p } = useI18n();
  const meta = useMeta();
  const { reloadMeta } = useSession();
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const s = await api.figures().catch(() => null);
      if (!live) return;
      setStatus(s);
      if (s?.computed_at && s.computed_at !== meta.last_refresh) await reloadMeta().catch(() => {});
      const busy = s && (s.loads_waiting > 0 || s.auto_refresh === 'running');
      timer = setTimeout(() => void poll(), busy ? 5_000 : 30_000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [meta.last_refresh, reloadMeta]);

  const waiting = status?.loads_waiting ?? 0;
  return (
    <div data-testid="figures-status" data-waiting={waiting}>
      <div>
        {t('common.refreshed')}
        {p.colon}
        {date(meta.last_refresh, true)}
      </div>
      {status?.auto_refresh === 'running' ? (
        <div className="figures-waiting" role="status">
          {t('figures.running')}
        </div>
      ) : waiting > 0 ? (
        <div className="figures-waiting" role="status">
          {t('figures.waiting', { n: waiting })}
          {status?.last_error
            ? ` · ${t('figures.failed', { error: status.last_error })}`
            : status?.due_at
              ? ` · ${t('figures.due', { time: date(status.due_at, true) })}`
              : status?.auto_refresh === 'off'
                ? ` · ${t('figures.manual')}`
                : ''}
        </div>
      ) : null}
    </div>
  );
}
