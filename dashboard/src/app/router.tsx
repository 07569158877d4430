// A tiny history router. The path picks the page; filters live in the query string so a view can be shared.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
  type MouseEvent,
} from 'react';

interface Location {
  path: string;
  query: URLSearchParams;
}
interface Router extends Location {
  navigate(to: string, opts?: { replace?: boolean }): void;
  /** Merge into the query string (null/'' removes a key), keeping the path. */
  setQuery(patch: Record<string, string | number | null | undefined>, opts?: { replace?: boolean }): void;
}

const read = (): Location => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const Ctx = createContext<Router | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState<Location>(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (to === location.pathname + location.search) return;
    history[opts?.replace ? 'replaceState' : 'pushState'](null, '', to);
    setLoc(read());
    if (!opts?.replace) window.scrollTo(0, 0);
  }, []);
  const setQuery = useCallback(
    (patch: Record<string, string | number | null | undefined>, opts?: { replace?: boolean }) => {
      const q = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(patch))
        if (v == null || v === '') q.delete(k);
        else q.set(k, String(v));
      const s = q.toString();
      navigate(location.pathname + (s ? `?${s}` : ''), { replace: opts?.replace ?? true });
    },
    [navigate],
  );
  const value = useMemo(() => ({ ...loc, navigate, setQuery }), [loc, navigate, setQuery]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useRouter(): Router {
  const r = useContext(Ctx);
  if (!r) throw new Error('useRouter outside RouterProvider');
  return r;
}

/** Path segments after a prefix: matchPath('/regions/:code', '/regions/110101') → { code: '110101' }. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) out[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return out;
}

export function Link({
  to,
  children,
  className,
  title,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} title={title}>
      {children}
    </a>
  );
}
