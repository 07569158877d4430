// A data hook: runs a fetcher when its keys change, keeps loading / error / data, and can be reloaded.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Query<T> { data: T | undefined; error: Error | null; loading: boolean; reload(): void }

export function useQuery<T>(keys: unknown[], fetcher: () => Promise<T>, enabled = true): Query<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | null; loading: boolean }>({ data: undefined, error: null, loading: enabled });
  const [tick, setTick] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  useEffect(() => {
    if (!enabled) { setState({ data: undefined, error: null, loading: false }); return; }
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    fetcherRef.current().then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (error: Error) => { if (live) setState({ data: undefined, error, loading: false }); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...keys, tick, enabled]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
