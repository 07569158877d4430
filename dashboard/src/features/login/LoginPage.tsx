import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../app/session.tsx';
import { loginErrorText } from './login-error.ts';

export function LoginPage() {
  const { t, lang, setLang, error: errorText } = useI18n();
  const { login, ended } = useSession();
  const [username, setU] = useState('');
  const [password, setP] = useState('');
  // kept as thrown and worded when shown, so the message follows the page's language toggle
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login">
      <form className="login-box" onSubmit={submit}>
        <div className="login-org">{t('app.org')}</div>
        <h1>{t('app.title')}</h1>
        {ended && error == null && (
          <div className="note" role="status" data-testid="session-ended">
            {errorText(ended)}
          </div>
        )}
        <label>
          {t('auth.username')}
          {/* the page's one task is to log in, and it is the first thing on it: focus lands where a keyboard or screen-reader user would go anyway. */}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setU(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setP(e.target.value)}
          />
        </label>
        {error != null && (
          <div className="state-error" role="alert">
            {loginErrorText(error, lang, t('auth.failed'))}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.login')}
        </button>
        <button
          type="button"
          className="linklike"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          // the toggle names the other language in its own words, and says so
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
        >
          {t('lang.toggle')}
        </button>
      </form>
    </div>
  );
}
