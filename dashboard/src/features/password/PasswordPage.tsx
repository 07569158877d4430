// 修改密码: every account changes its own password here. An account whose password someone else set (the admin who
// created or reset it, or the first start's printed admin password) is sent here by the banner until it does: only
// then does the audit log's "操作人" name a person who alone knows the password.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { api } from '../../api/index.ts';
import { Panel } from '../../components/QueryLoad.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MIN_LENGTH } from '../../../../pipeline/users/password-length.ts';

export default function PasswordPage() {
  const { t } = useI18n();
  const { mustChangePassword, passwordChanged } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (next !== again) return setError(t('password.mismatch'));
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
      passwordChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page" data-page="password">
      <h1 className="page-title">{t('password.title')}</h1>
      {mustChangePassword && <p className="note">{t('password.why')}</p>}
      <Panel title={t('password.title')} testId="password-form">
        <form className="stack narrow" onSubmit={submit}>
          <label>
            {t('password.current')}
            <input
              type="password"
              name="current-password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
          </label>
          <label>
            {t('password.new')}
            <input
              type="password"
              name="new-password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              required
            />
          </label>
          <label>
            {t('password.again')}
            <input
              type="password"
              name="new-password-again"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              required
            />
          </label>
          <p className="note">{t('password.rule', { min: MIN_LENGTH })}</p>
          {error && (
            <div className="state-error" role="alert">
              {error}
            </div>
          )}
          {done && (
            <div className="state-ok" role="status" data-testid="password-done">
              {t('password.done')}
            </div>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('password.submit')}
          </button>
        </form>
      </Panel>
    </div>
  );
}
