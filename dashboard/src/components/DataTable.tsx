// A dense, sortable table with CSV and XLSX download. It takes rows and column definitions only.
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { downloadCsv, downloadXlsx } from './download.ts';

export interface Column<R> {
  key: string;
  label: string;
  /** The sortable and exported value; defaults to row[key]. */
  value?: (row: R) => unknown;
  /** What the cell shows; defaults to the value. */
  render?: (row: R) => ReactNode;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
  /** Long text (messages, reasons) wraps; other cells stay on one line. */
  wrap?: boolean;
}

interface Props<R> {
  rows: readonly R[];
  columns: Column<R>[];
  name: string;
  initialSort?: { key: string; desc?: boolean };
  limit?: number;
  onRowClick?: (row: R) => void;
  rowKey?: (row: R, i: number) => string;
  testId?: string;
  filter?: boolean;
}

function compare(a: unknown, b: unknown): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'zh-CN', { numeric: true });
}

/** The sortable and exported value of a cell: the column's own, else the row's field of that key. */
function cellValue<R>(c: Column<R>, r: R): unknown {
  return c.value ? c.value(r) : (r as Record<string, unknown>)[c.key];
}

export function DataTable<R>({ rows, columns, name, initialSort, limit = 200, onRowClick, rowKey, testId, filter = true }: Props<R>) {
  const { t } = useI18n();
  const [sort, setSort] = useState(initialSort);
  const [text, setText] = useState('');
  const [all, setAll] = useState(false);

  const shown = useMemo(() => {
    let out = rows.slice();
    if (text.trim()) {
      const q = text.trim().toLowerCase();
      out = out.filter((r) => columns.some((c) => String(cellValue(c, r) ?? '').toLowerCase().includes(q)));
    }
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      if (col) out.sort((a, b) => (sort.desc ? -1 : 1) * compare(cellValue(col, a), cellValue(col, b)));
    }
    return out;
  }, [rows, columns, sort, text]);

  const exportCols = columns.map((c) => ({ header: c.label, value: (r: R) => cellValue(c, r) }));
  const visible = all ? shown : shown.slice(0, limit);

  return (
    <div className="table-wrap" data-testid={testId}>
      <div className="table-tools">
        {filter && <input className="table-filter" placeholder={t('common.search')} value={text} onChange={(e) => setText(e.target.value)} />}
        <span className="muted">{t('common.rows', { n: shown.length })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => downloadCsv(shown, exportCols, name)}>{t('common.csv')}</button>
        <button type="button" onClick={() => void downloadXlsx(shown, exportCols, name)}>{t('common.xlsx')}</button>
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} style={{ textAlign: c.align ?? 'left', width: c.width }}
                  aria-sort={sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}
                  onClick={() => setSort((s) => ({ key: c.key, desc: s?.key === c.key ? !s.desc : false }))}>
                  {c.label}{sort?.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((r, i) => (
              <tr key={rowKey ? rowKey(r, i) : i} onClick={onRowClick ? () => onRowClick(r) : undefined} className={onRowClick ? 'clickable' : undefined}>
                {columns.map((c) => {
                  const v = cellValue(c, r);
                  return <td key={c.key} className={c.wrap ? 'wrap' : undefined} style={{ textAlign: c.align ?? (typeof v === 'number' ? 'right' : 'left') }}>{c.render ? c.render(r) : v == null ? '—' : String(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && shown.length > limit && <button type="button" className="linklike" onClick={() => setAll(true)}>+{shown.length - limit}</button>}
    </div>
  );
}
