// Clicks and keyboard on chart marks: Plot binds each mark element to its row index (`__data__`); this marks the
// element with its key and makes it a button (Tab reaches it, Enter or Space acts), so a bar or a tile filters the
// view like a table row does. Pure DOM on the figure it is given (jsdom in the tests, the export's SVG too).
export function wireMarks<R>(
  fig: Element,
  mark: string,
  rows: readonly R[],
  opts: {
    key: (row: R) => string;
    label: (row: R) => string;
    /** The part of the label that is a data value (a province's name), marked for the language checks. */
    value?: (row: R) => string;
    onClick?: (row: R) => void;
  },
) {
  for (const el of Array.from(fig.querySelectorAll(`g[aria-label="${mark}"] > *`))) {
    const i = (el as unknown as { __data__: number }).__data__;
    const row = typeof i === 'number' ? rows[i] : undefined;
    if (!row) continue;
    el.setAttribute('data-key', opts.key(row));
    if (!opts.onClick) continue;
    const act = opts.onClick;
    (el as SVGElement).style.cursor = 'pointer';
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', opts.label(row));
    if (opts.value) el.setAttribute('data-value', opts.value(row));
    el.addEventListener('click', () => act(row));
    el.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') {
        e.preventDefault();
        act(row);
      }
    });
  }
}
