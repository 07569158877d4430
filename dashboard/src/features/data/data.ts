// Data page hooks: loads, rejects of one load, freshness, scheduled jobs and their runs, quarterly packages.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useLoads = () => useQuery([], () => api.loads());
export const useRejects = (load: string | null) => useQuery([load], () => api.rejects(load ?? undefined));
export const useFreshness = () => useQuery([], () => api.freshness());
export const useJobs = () => useQuery([], () => api.jobs());
/** Central office and admin only: a package holds every province. */
export const useExports = () => useQuery([], () => api.exports());
