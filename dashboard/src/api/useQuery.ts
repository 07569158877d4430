// A data hook: runs a fetcher when its keys change, keeps loading / error / data, and can be reloaded.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

export function useQuery<T>(keys: unknown[], fetcher: () => Promise<T>, enabled = true): Query<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  });
  const [tick, setTick] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `keys` are the caller's list of what the fetch depends on (the fetcher itself is read through a ref, fresh at every render); the effect re-runs when one of them, the reload tick or `enabled` changes.
  useEffect(() => {
    if (!enabled) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    fetcherRef.current().then(
      (data) => {
        if (live) setState({ data, error: null, loading: false });
      },
      (error: Error) => {
        if (live) setState({ data: undefined, error, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [...keys, tick, enabled]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
