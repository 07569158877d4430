// Triage of one flag: acknowledge, dismiss with a reason (out of the risk queue until its evidence changes),
// escalate to the revocation watchlist (a ground-4 entry citing the flag). Central-office accounts only; the
// others see the state. The server audit-logs every decision and keeps it across refreshes.
import { useState } from 'react';
import { api, type TriageDecision, type TriageState } from '../../api/index.ts';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PageMessage, useErrorState } from '../../components/error-state.ts';

export function TriageBadge({ state }: { state: TriageState | null | undefined }) {
  const { label } = useI18n();
  const s = state ?? 'none';
  return (
    <span className={`badge badge-triage-${s}`} data-testid="triage-state" data-state={s}>
      {label('triage', s)}
    </span>
  );
}

export function TriageControls({
  flagId,
  state,
  onDone,
}: {
  flagId: string;
  state: TriageState | null | undefined;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState<TriageDecision | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useErrorState();
  const [done, setDone] = useState<TriageState | null>(null);
  const current = done ?? state ?? null;
  if (user?.role !== 'central') return <TriageBadge state={current} />;

  const decide = async (decision: TriageDecision) => {
    if (decision !== 'acknowledged' && reason.trim() === '') {
      setError(new PageMessage('triage.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.triage(flagId, decision, decision === 'acknowledged' ? undefined : reason.trim());
      setDone(r.state);
      setOpen(null);
      setReason('');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    // a click or key inside the controls is theirs, not the table row's (which would open the region)
    // biome-ignore lint/a11y/noStaticElementInteractions: stops the event only; the buttons inside are the controls
    <div
      className="triage"
      data-testid="triage"
      data-flag={flagId}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <TriageBadge state={current} />
      {open === null ? (
        <span className="triage-buttons">
          <button type="button" disabled={busy} onClick={() => void decide('acknowledged')} data-action="acknowledged">
            {t('triage.ack')}
          </button>
          <button type="button" disabled={busy} onClick={() => setOpen('dismissed')} data-action="dismissed">
            {t('triage.dismiss')}
          </button>
          <button
            type="button"
            disabled={busy || current === 'escalated'}
            onClick={() => setOpen('escalated')}
            data-action="escalated"
          >
            {t('triage.escalate')}
          </button>
        </span>
      ) : (
        <form
          className="triage-form"
          onSubmit={(e) => {
            e.preventDefault();
            void decide(open);
          }}
        >
          <input
            aria-label={t('triage.reason')}
            placeholder={open === 'dismissed' ? t('triage.reasonDismiss') : t('triage.reasonEscalate')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="triage-reason"
          />
          <button type="submit" disabled={busy} data-testid="triage-confirm">
            {open === 'dismissed' ? t('triage.dismiss') : t('triage.escalate')}
          </button>
          <button type="button" onClick={() => setOpen(null)}>
            {t('triage.cancel')}
          </button>
        </form>
      )}
      {error && (
        <span className="triage-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
