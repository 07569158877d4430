// Spot-check data hooks: the list of draws, one draw's certificate, findings.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';

export const useDraws = () => useQuery([], () => api.spotchecks());
export const useCertificate = (id: string | null) => useQuery([id], () => api.spotcheck(id!), id != null);
export const useFindings = (year: number) => useQuery([year], () => api.findings(year));

/** Seeds are decimal digits only (rolled in public), at least this many. */
export const MIN_SEED_DIGITS = 20;
/** Stratification and exclusions the server accepts (pipeline/spotcheck/pool.ts; checked by the API schema). */
export const STRATA = ['none', 'province', 'batch', 'designation'] as const;
export const EXCLUSIONS = ['revoked', 'named_this_year'] as const;
export const seedDigits = (s: string) => s.replace(/\D/g, '');
