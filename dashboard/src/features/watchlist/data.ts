// Watchlist data hooks, and the status moves and hand-entry grounds the server accepts (pipeline/watchlist).
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
export { TRANSITIONS, MANUAL_GROUNDS } from '../../../../pipeline/watchlist/statuses.ts';

export const useWatchlist = () => useQuery([], () => api.watchlist());
export const useWatch = (id: string | undefined) => useQuery([id], () => api.watch(id!), id != null);
export const useRegionWatch = (code: string) => useQuery([code], () => api.watchlistOf(code));
