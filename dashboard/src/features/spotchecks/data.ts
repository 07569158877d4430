// Spot-check data hooks: the list of draws, one draw's certificate, findings; the choices the freeze form offers.
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import type { DrawStrata, Exclusion } from '../../../../pipeline/api/schemas/spotchecks.ts';
import { drawExclusion, drawStrata } from '../../../../pipeline/vocabulary/terms.ts';

export { MIN_SEED_DIGITS } from '../../../../pipeline/spotcheck/seed-rule.ts';

export const useDraws = () => useQuery([], () => api.spotchecks());
export const useCertificate = (id: string | null) => useQuery([id], () => api.spotcheck(id!), id != null);
export const useFindings = (year: number) => useQuery([year], () => api.findings(year));

/** Stratification and exclusions the server accepts: the vocabulary's, which the API schema checks against. */
export const STRATA = Object.keys(drawStrata) as DrawStrata[];
export const EXCLUSIONS = Object.keys(drawExclusion) as Exclusion[];
export const seedDigits = (s: string) => s.replace(/\D/g, '');
