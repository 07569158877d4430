// The funnel plot of one metric in one year, as the indicators page and a region's metric charts both show it: every
// region's value against its denominator with the 95% / 99.8% limits and the threshold, labelled in the user's
// language; a click on a dot picks that region. Without control limits (a metric that is not a rate of counts) it says
// so instead, unless the page shows the plot anyway (`always`).
import type { IndicatorRow } from '../../api/index.ts';
import { funnelChart, type FunnelRow } from '../../charts/index.ts';
import { PlotFigure } from '../../components/PlotFigure.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface MetricFunnelProps {
  rows: IndicatorRow[];
  metric: { unit: string; direction: string } | undefined;
  threshold: number | null;
  /** the region ringed and named */
  highlight: string | null;
  width: number;
  height: number;
  testId: string;
  onPick: (row: FunnelRow) => void;
  /** show the plot even without control limits (a metric the catalogue marks as a funnel metric) */
  always?: boolean;
  /** a note under the plot */
  note?: string;
}

export function MetricFunnel(p: MetricFunnelProps) {
  const { t, lang } = useI18n();
  if (!p.always && !p.rows.some((r) => r.lower95 != null))
    return <div className="state state-empty">{t('indicators.notFunnel')}</div>;
  const status = { met: t('status.met'), not_met: t('status.not_met'), no_data: t('status.no_data') };
  return (
    <>
      <PlotFigure
        testId={p.testId}
        deps={[p.rows, lang, p.highlight]}
        build={(document) =>
          funnelChart(p.rows, {
            document,
            width: p.width,
            height: p.height,
            unit: p.metric?.unit,
            threshold: p.threshold,
            direction: p.metric?.direction,
            lang,
            highlight: p.highlight,
            labels: {
              limit95: t('indicators.limit95'),
              limit998: t('indicators.limit998'),
              threshold: t('indicators.threshold'),
              x: `${t('col.denominator')} →`,
              y: `↑ ${t('col.value')}`,
              centre: t('chart.centre'),
              status,
            },
            onClick: p.onPick,
          })
        }
      />
      {p.note && <p className="note">{p.note}</p>}
    </>
  );
}
