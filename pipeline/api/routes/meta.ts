// /api/health, /api/meta, /api/overview: the small aggregated documents the dashboard opens with.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { allMetrics, loadSystems, yearCounts } from '../../indicators/index.ts';
import { provinceOf } from '../plugins/auth.ts';
import { sendCachedJson } from '../plugins/table.ts';
import * as S from '../schemas/meta.ts';

const WEIGHTS_NOTE =
  '综合得分：各指标按指标体系中的权重加权，指标得分按阈值归一化后取加权平均（0–100）；达标率 = 达标的指标序号数 / 参评的指标序号数（一个序号下的细项全部达标才算达标；无数据不参评），达到90%即符合综合示范要求；排名只在参评指标相同的地区之间比较，并给出权重随机扰动下的90%名次区间；当年次年2月1日前为暂定年度，不判断、不排名。';

/** The year a view shows when the caller gives none: the latest scored year that is complete at the data's date
 *  (as_of on or after 1 February of the next year, when its annual reports are due); a later year is provisional. */
export async function defaultYear(app: FastifyInstance): Promise<{ run_id: number | null; year: number | null }> {
  const run = await app.q.latestRun();
  if (!run) return { run_id: null, year: null };
  const years = await app.q.cached('years', () =>
    app.q.rows<{ year: number; regions_assessed: number }>('api/meta_years', { run_id: run.run_id }),
  );
  const asOfYear = Number(run.as_of.slice(0, 4));
  const completeThrough = run.as_of.slice(5, 10) >= '02-01' ? asOfYear - 1 : asOfYear - 2;
  const complete = years.filter((y) => y.regions_assessed > 0 && y.year <= completeThrough);
  return { run_id: run.run_id, year: complete.at(-1)?.year ?? years.at(-1)?.year ?? null };
}

export default async function metaRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/health', { schema: S.health, config: { public: true } }, async () => ({ ok: true }));

  // Not cached: it changes with the clock of the scheduled refresh, and the dashboard polls it.
  app.get('/figures', { schema: S.figures }, async () => app.figures.status());

  app.get('/meta', { schema: S.meta }, async (req, reply) => {
    const province = provinceOf(req);
    return sendCachedJson(req, reply, app.q, `meta|${province}`, async () => {
      const run = await app.q.latestRun();
      const years = run
        ? (await app.q.rows<{ year: number }>('api/meta_years', { run_id: run.run_id })).map((r) => r.year)
        : [];
      const latest = (await defaultYear(app)).year;
      const metrics = allMetrics(loadSystems()).map((m) => ({
        id: m.id,
        indicator_no: m.indicator_no,
        area: m.area,
        name_zh: m.name_zh,
        name_en: m.name_en,
        unit: m.unit,
        direction: m.direction,
        funnel: m.funnel,
      }));
      return {
        years,
        latest_year: latest,
        provinces: await app.q.rows('api/meta_provinces', { province }),
        metrics,
        batches: await app.q.rows('api/meta_batches', { province }),
        as_of: run?.as_of ?? null,
        last_refresh: run?.finished_at ?? null,
        run_id: run?.run_id ?? null,
        weights_note: WEIGHTS_NOTE,
        // the indicator system's versions and the first year each judges: trends mark where the rules changed
        systems: loadSystems().map((s) => ({ version: s.version, label: s.label, from: s.years[0] })),
      };
    });
  });

  app.get('/overview', { schema: S.overview }, async (req, reply) => {
    const province = provinceOf(req);
    const dflt = await defaultYear(app);
    const year = req.query.year ?? dflt.year;
    return sendCachedJson(req, reply, app.q, `overview|${year}|${province}`, async () => {
      const by =
        year === null
          ? []
          : await app.q.rows<{ dimension: string; key: string; count: number }>('api/overview_regions_by', {
              year,
              province,
            });
      const pick = (d: string) => by.filter((r) => r.dimension === d).map(({ key, count }) => ({ key, count }));
      const run = dflt.run_id;
      return {
        year,
        // the year's headline over the one population every view counts (pipeline/indicators/population.ts)
        headline:
          year === null ? null : await yearCounts((name, params) => app.q.rows(name, params), { year, province }),
        regions_by: { batch: pick('batch'), designation: pick('designation'), level: pick('level') },
        conformance_hist:
          run === null || year === null
            ? []
            : await app.q.rows('api/overview_conformance_hist', { run_id: run, year, province }),
        national_trends:
          run === null ? [] : await app.q.rows('api/overview_national_trends', { run_id: run, province }),
        newest_flags: await app.q.rows('api/overview_newest_flags', { year: year ?? null, province }),
        reports_outstanding:
          year === null ? [] : await app.q.rows('api/overview_reports_outstanding', { year, province }),
      };
    });
  });
}
