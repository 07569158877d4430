// Mounts a chart built by a pure chart function. React owns only the container.
import { useEffect, useRef } from 'react';

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` is the caller's list of what the chart is drawn from (like useMemo's); `build` is a new closure at every render and must not redraw the chart by itself.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fig = build(document);
    el.replaceChildren(fig);
    el.dataset.rendered = 'true';
    // The first chart on screen marks the first view as interactive (read by the browser tests).
    if (performance.getEntriesByName('shifan:first-chart').length === 0) performance.mark('shifan:first-chart');
    return () => {
      fig.remove();
    };
  }, [...deps]);
  return <div className="chart" ref={ref} data-testid={testId} />;
}
