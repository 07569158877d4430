// 修改密码: every account changes its own password here. An account whose password someone else set (the admin who
// created or reset it, or the first start's printed admin password) is sent here by the banner until it does: only
// then does the audit log's "操作人" name a person who alone knows the password.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.tsx';
import { api } from '../../api/index.ts';
import { Panel } from '../../components/QueryLoad.tsx';
import { PageMessage, useErrorState } from '../../components/error-state.ts';
import { useI18n } from '../../i18n/index.tsx';
import { MIN_LENGTH } from '../../../../pipeline/users/password-length.ts';

function PasswordField(props: { label: string; name: string; value: string; set(v: string): void }) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        name={props.name}
        autoComplete={props.name === 'current-password' ? 'current-password' : 'new-password'}
        value={props.value}
        onChange={(e) => props.set(e.target.value)}
        required
      />
    </label>
  );
}

export default function PasswordPage() {
  const { t } = useI18n();
  const { mustChangePassword, passwordChanged } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useErrorState();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (next !== again) return setError(new PageMessage('password.mismatch'));
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
      passwordChanged();
    } catch (err) {
      setError(err);
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
          <PasswordField label={t('password.current')} name="current-password" value={current} set={setCurrent} />
          <PasswordField label={t('password.new')} name="new-password" value={next} set={setNext} />
          <PasswordField label={t('password.again')} name="new-password-again" value={again} set={setAgain} />
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
