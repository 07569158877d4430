// Watchlist data hooks.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useWatchlist = () => useQuery([], () => api.watchlist());
export const useWatch = (id: string | undefined) => useQuery([id], () => api.watch(id!), id != null);
export const WATCH_STATUSES = ['under_review', 'cleared', 'revoked'] as const;
