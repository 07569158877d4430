// The random selection from a frozen pool, pure: the whole pool is ticketed once and each stratum takes its
// first k_s in ticket order. Because a ticket depends only on the seed and the id (consistent sampling), a
// stratum's sample is the same as running the sampler on that stratum's pool file alone; that is what lets
// the public check each stratum with one command.
import { allocate, inclusionProbabilities, type SampleSize } from './allocation.ts';
import { countBy, type PoolMember } from './pool.ts';
import { sample, seedHashOf } from './sampler.ts';

export interface Selected {
  draw_order: number;
  region_code: string;
  ticket: string;
  stratum: string;
  /**
   * The design's probability for the region's stratum: k_s / N_s where the take is fixed before the seed (every
   * subset of k_s regions is equally likely), averaged over the seed's settling of a tie otherwise
   */
  inclusion_probability: number;
}

export interface SelectionResult {
  /** k per stratum */
  allocation: Record<string, number>;
  /** pool size per stratum */
  strata_sizes: Record<string, number>;
  /** all selected regions, by ticket ascending across strata */
  selected: Selected[];
}

export function computeSelection(pool: readonly PoolMember[], seed: string, size: SampleSize): SelectionResult {
  const sizes = countBy(pool);
  const seedHash = seedHashOf(seed);
  const allocation = allocate(sizes, size, seedHash);
  const probability = inclusionProbabilities(sizes, size, seedHash);
  const stratumOf = new Map(pool.map((m) => [m.region_code, m.stratum]));
  const taken: Record<string, number> = {};
  const selected: Selected[] = [];
  for (const t of sample(
    pool.map((m) => m.region_code),
    seed,
  )) {
    const stratum = stratumOf.get(t.id)!;
    if ((taken[stratum] ?? 0) >= allocation[stratum]) continue;
    taken[stratum] = (taken[stratum] ?? 0) + 1;
    selected.push({
      draw_order: selected.length + 1,
      region_code: t.id,
      ticket: t.ticket,
      stratum,
      inclusion_probability: probability[stratum].value,
    });
  }
  return { allocation, strata_sizes: sizes, selected };
}
