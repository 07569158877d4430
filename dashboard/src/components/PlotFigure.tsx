// Mounts a chart built by a pure chart function. React owns only the container.
import { useEffect, useRef } from 'react';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.tsx';

export function PlotFigure({
  build,
  deps,
  testId,
}: {
  build: (doc: Document) => Element;
  deps: unknown[];
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const i18n = useI18n();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` is the caller's list of what the chart is drawn from (like useMemo's); `build` is a new closure at every render and must not redraw the chart by itself.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fig = build(document);
    nameMarks(fig, i18n);
    el.replaceChildren(fig);
    el.dataset.rendered = 'true';
    // The first chart on screen marks the first view as interactive (read by the browser tests).
    if (performance.getEntriesByName('shifan:first-chart').length === 0) performance.mark('shifan:first-chart');
    return () => {
      fig.remove();
    };
  }, [...deps, i18n.lang]);
  return <div className="chart" ref={ref} data-testid={testId} />;
}

/**
 * Plot names each group of marks for screen readers in English ("x-axis tick", "dot"): after the chart function has
 * used those names, they are worded in the page's language (i18n `chart.mark.*`). Labels a chart set on single
 * marks (a region's name and code on its dot) are data and marked so (translate="no").
 */
function nameMarks(fig: Element, i18n: I18n) {
  for (const g of Array.from(fig.querySelectorAll('g[aria-label]'))) {
    const key = `chart.mark.${g.getAttribute('aria-label')}` as MessageKey;
    const word = i18n.t(key);
    if (word !== key) g.setAttribute('aria-label', word);
  }
}
