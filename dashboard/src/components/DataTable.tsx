// A dense, sortable table with CSV and XLSX download. It takes rows and column definitions only.
// With a urlKey (by default its testId) the text filter and the sort order live in the URL (`<key>.q`,
// `<key>.sort` = column or -column), so a filtered view can be shared and survives a reload. Sort headers are
// buttons and clickable rows take focus and open on Enter, so everything works from the keyboard.
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useRouter } from '../app/router.tsx';
import { downloadCsv, downloadXlsx } from './download.ts';

export interface Column<R> {
  key: string;
  label: string;
  /** The sortable and exported value; defaults to row[key]. */
  value?: (row: R) => unknown;
  /** Sorts by this instead of the value, where the order is not the words' (a tier's rank): the download keeps the
   *  words. */
  sortValue?: (row: R) => unknown;
  /** What the cell shows; defaults to the value. */
  render?: (row: R) => ReactNode;
  align?: 'left' | 'right' | 'center';
  width?: number | string;
  /** Long text (messages, reasons) wraps; other cells stay on one line. */
  wrap?: boolean;
  /**
   * The cell shows a data value in the words of its source (a name, a file, a raw record), not the page's words: it
   * is marked translate="no" and stays as written in either language. Columns named in DATA_COLUMNS are by default.
   */
  data?: boolean;
}

/** Columns whose values are data as their source wrote them, in every table. */
const DATA_COLUMNS = new Set([
  'region_name',
  'province_name',
  'file',
  'file_name',
  'name',
  'encoding',
  'raw',
  'raw_line',
  'record_id',
  'publisher',
  'agency',
  'source_url',
  'url',
  'description',
  'criterion',
  'username',
  'note',
  'province',
  'made_by',
  'actor',
]);

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
  /** Name of the table's URL parameters; defaults to testId; false keeps filter and sort in memory only. */
  urlKey?: string | false;
  /** Accessible label of a clickable row (what Enter opens). */
  rowLabel?: (row: R) => string;
}

function regionName(r: unknown): string | undefined {
  const name = (r as { region_name?: unknown } | null)?.region_name;
  return typeof name === 'string' && name !== '' ? name : undefined;
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

/** Filter text and sort order: in the URL when the table has a key, else in component state. */
function useTableState(key: string | undefined, initialSort?: { key: string; desc?: boolean }) {
  const { query, setQuery } = useRouter();
  const [localSort, setLocalSort] = useState(initialSort);
  const [localText, setLocalText] = useState('');
  if (!key) return { sort: localSort, setSort: setLocalSort, text: localText, setText: setLocalText };
  const raw = query.get(`${key}.sort`);
  const sort = raw ? { key: raw.replace(/^-/, ''), desc: raw.startsWith('-') } : initialSort;
  return {
    sort,
    setSort: (s: { key: string; desc?: boolean }) => setQuery({ [`${key}.sort`]: `${s.desc ? '-' : ''}${s.key}` }),
    text: query.get(`${key}.q`) ?? '',
    setText: (v: string) => setQuery({ [`${key}.q`]: v }),
  };
}

export function DataTable<R>({
  rows,
  columns,
  name,
  initialSort,
  limit = 200,
  onRowClick,
  rowKey,
  testId,
  filter = true,
  urlKey,
  rowLabel,
}: Props<R>) {
  const { t } = useI18n();
  const { sort, setSort, text, setText } = useTableState(
    urlKey === false ? undefined : (urlKey ?? testId),
    initialSort,
  );
  const [all, setAll] = useState(false);

  const shown = useMemo(() => {
    let out = rows.slice();
    if (text.trim()) {
      const q = text.trim().toLowerCase();
      out = out.filter((r) =>
        columns.some((c) =>
          String(cellValue(c, r) ?? '')
            .toLowerCase()
            .includes(q),
        ),
      );
    }
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      const key = (r: R) => (col?.sortValue ? col.sortValue(r) : cellValue(col!, r));
      if (col) out.sort((a, b) => (sort.desc ? -1 : 1) * compare(key(a), key(b)));
    }
    return out;
  }, [rows, columns, sort, text]);

  const exportCols = columns.map((c) => ({ header: c.label, value: (r: R) => cellValue(c, r) }));
  const visible = all ? shown : shown.slice(0, limit);

  return (
    <div className="table-wrap" data-testid={testId}>
      <div className="table-tools">
        {filter && (
          <input
            className="table-filter"
            type="search"
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <span className="muted">{t('common.rows', { n: shown.length })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => downloadCsv(shown, exportCols, name)}>
          {t('common.csv')}
        </button>
        <button type="button" onClick={() => void downloadXlsx(shown, exportCols, name)}>
          {t('common.xlsx')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  style={{ textAlign: c.align ?? 'left', width: c.width }}
                  aria-sort={sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  {c.label ? (
                    <button
                      type="button"
                      className="sort"
                      data-sort={c.key}
                      title={t('table.sortBy', { col: c.label })}
                      onClick={() => setSort({ key: c.key, desc: sort?.key === c.key ? !sort.desc : false })}
                    >
                      {c.label}
                      {sort?.key === c.key ? (sort.desc ? ' ▾' : ' ▴') : ''}
                    </button>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((r, i) => (
              <tr
                key={rowKey ? rowKey(r, i) : i}
                onClick={onRowClick ? () => onRowClick(r) : undefined}
                className={onRowClick ? 'clickable' : undefined}
                tabIndex={onRowClick ? 0 : undefined}
                aria-label={onRowClick && rowLabel ? rowLabel(r) : undefined}
                // a row's region is a data value wherever its name appears in the row (cells, the row's label)
                data-value={regionName(r)}
                onKeyDown={
                  onRowClick
                    ? (e: KeyboardEvent) => {
                        // Enter or Space on the row itself (not on a button or link inside it) opens it
                        if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
                          e.preventDefault();
                          onRowClick(r);
                        }
                      }
                    : undefined
                }
              >
                {columns.map((c) => {
                  const v = cellValue(c, r);
                  return (
                    <td
                      key={c.key}
                      translate={(c.data ?? DATA_COLUMNS.has(c.key)) ? 'no' : undefined}
                      className={c.wrap ? 'wrap' : undefined}
                      style={{ textAlign: c.align ?? (typeof v === 'number' ? 'right' : 'left') }}
                    >
                      {c.render ? c.render(r) : v == null ? '—' : String(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && shown.length > limit && (
        <button type="button" className="linklike" onClick={() => setAll(true)}>
          +{shown.length - limit}
        </button>
      )}
    </div>
  );
}
