// Risk-queue data: the queue of a year and scope joined with the region list (attributes, verdict), the headline
// figures (the overview's, one population), the regions carrying a flag of a severity, and a page of flags.
import { api, type FlagFilters } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { joinRegions, queryParam } from './filters.ts';

export const useQueue = (year: number, scope: 'designated' | 'monitored') =>
  useQuery([year, scope], async () => {
    const [queue, regions] = await Promise.all([
      api.risk(year, scope),
      api.regions(year, { all: scope === 'monitored' }),
    ]);
    return { ...queue, rows: joinRegions(queue.rows, regions) };
  });

export const useHeadline = (year: number) => useQuery([year], async () => (await api.overview(year)).headline);

/** Region codes with an active flag of the severity in the year (null: no severity chosen). */
export const useSeverityRegions = (year: number, severity: string | undefined, scope: 'designated' | 'monitored') =>
  useQuery(
    [year, severity, scope],
    async () => {
      const page = await api.flagPage({
        year,
        severity: queryParam('severity', severity),
        scope: scope === 'designated' ? 'designated' : 'all',
        limit: 5000,
        offset: 0,
      });
      return new Set(page.rows.map((r) => r.region_code));
    },
    severity != null,
  );

export const useFlagPage = (filters: FlagFilters, limit: number, offset: number, tick: number) =>
  useQuery([JSON.stringify(filters), limit, offset, tick], () => api.flagPage({ ...filters, limit, offset }));

/** The flags of one region in the year with their triage state, for the reasons panel. */
export const useRegionFlags = (year: number, region: string | undefined, tick: number) =>
  useQuery(
    [year, region, tick],
    async () => {
      const page = await api.flagPage({ year, region, limit: 1000, offset: 0 });
      return new Map(page.rows.map((f) => [f.flag_id, f]));
    },
    region != null,
  );
