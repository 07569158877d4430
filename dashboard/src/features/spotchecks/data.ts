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

/**
 * The ceremony's step past what the server knows: "published" (the pool is out, the seed may be entered) is the
 * office's word, not a state of the draw. The URL keeps it (`?step=seed`, so a reload stays there); this keeps it
 * for the draw in this browser too, so coming back to 抽查 later does not ask for it again.
 */
const publishedKey = (id: string) => `shifan.spot.published.${id}`;
export function markPublished(id: string) {
  try {
    localStorage.setItem(publishedKey(id), '1');
  } catch {
    // storage refused (private mode): the URL still keeps the step
  }
}
export function wasPublished(id: string): boolean {
  try {
    return localStorage.getItem(publishedKey(id)) === '1';
  } catch {
    return false;
  }
}
