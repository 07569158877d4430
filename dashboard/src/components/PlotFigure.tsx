// Mounts a chart built by a pure chart function. React owns only the container.
import { useEffect, useRef } from 'react';

export function PlotFigure({ build, deps, testId }: { build: (doc: Document) => Element; deps: unknown[]; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fig = build(document);
    el.replaceChildren(fig);
    el.dataset.rendered = 'true';
    // The first chart on screen marks the first view as interactive (read by the browser tests).
    if (performance.getEntriesByName('shifan:first-chart').length === 0) performance.mark('shifan:first-chart');
    return () => { fig.remove(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return <div className="chart" ref={ref} data-testid={testId} />;
}
