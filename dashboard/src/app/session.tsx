// Who is logged in, and the metadata every page needs (years, provinces, metrics). Loaded once per session.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { MetricNamesProvider } from '../i18n/index.tsx';
import { api, onSessionEnded, type Meta, type User } from '../api/index.ts';
import type { SessionEndedCode } from '../../../pipeline/vocabulary/index.ts';

interface SessionState {
  user: User | null;
  meta: Meta | null;
  checked: boolean;
  /** the last session ended without its holder signing out: the error code that says why, for the login page */
  ended: SessionEndedCode | null;
  /** the password was set by someone else (generated at creation, a reset or the first start): choose one's own */
  mustChangePassword: boolean;
  /** the owner chose their own password */
  passwordChanged(): void;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** reloads the metadata; the pages remount and refetch when the refresh it names changed (FiguresStatus) */
  reloadMeta(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [checked, setChecked] = useState(false);
  const [mustChangePassword, setMustChange] = useState(false);
  const [ended, setEnded] = useState<SessionEndedCode | null>(null);

  const loadMeta = useCallback(async () => setMeta(await api.meta()), []);
  useEffect(() => {
    api.session().then(
      async (s) => {
        if (s.authenticated) {
          setUser(s.user);
          setMustChange(s.must_change_password);
          await loadMeta().catch(() => {});
        } else setEnded(s.ended);
        setChecked(true);
      },
      (e) => {
        console.warn(e);
        setChecked(true);
      },
    );
  }, [loadMeta]);
  // a request refused because the session ended elsewhere: back to the login page, which says why
  useEffect(() => {
    onSessionEnded((code) => {
      setUser(null);
      setMeta(null);
      setEnded(code);
    });
    return () => onSessionEnded(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const s = await api.login(username, password);
      await loadMeta();
      setEnded(null);
      setUser(s.user);
      setMustChange(s.must_change_password);
    },
    [loadMeta],
  );
  const logout = useCallback(async () => {
    await api.logout().catch(() => {});
    setUser(null);
    setMeta(null);
  }, []);
  return (
    <Ctx.Provider
      value={{
        user,
        meta,
        checked,
        ended,
        mustChangePassword,
        passwordChanged: () => setMustChange(false),
        login,
        logout,
        reloadMeta: loadMeta,
      }}
    >
      <MetricNamesProvider metrics={meta?.metrics}>{children}</MetricNamesProvider>
    </Ctx.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in session with metadata; pages render only inside the shell, where both are present. */
export function useMeta(): Meta {
  const { meta } = useSession();
  if (!meta) throw new Error('metadata not loaded');
  return meta;
}

/** Whether the user may change things (freeze, draw, verify, upload, watchlist status): the central office only. */
export function useCanAct(): boolean {
  return useSession().user?.role === 'central';
}

/** The year in the URL, else the latest year with data. */
import { useRouter } from './router.tsx';
export function useYear(): [number, (y: number) => void] {
  const meta = useMeta();
  const { query, setQuery } = useRouter();
  const y = Number(query.get('year'));
  return [
    Number.isFinite(y) && y > 0
      ? y
      : // Before any year has figures latest_year is null (GET /api/meta); the pages pass it on and the query string
        // drops it, so the server answers for its own default year. Typed as a year to spare every page the case.
        (meta.latest_year as number),
    (v) => setQuery({ year: v }),
  ];
}
