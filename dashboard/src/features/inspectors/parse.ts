// The inspector register file as the browser previews it: papaparse reads the CSV, headers are matched in English
// or Chinese, and every row gets the checks the server applies (sql/spotcheck/inspectors_read.sql), so the user
// sees the bad cells before sending. What is sent is the same rows under the server's English header.
import Papa from 'papaparse';

export const FIELDS = ['inspector_id', 'name', 'home_province_code', 'load_cap', 'active'] as const;
export type Field = (typeof FIELDS)[number];

const ALIASES: Record<string, Field> = {
  inspector_id: 'inspector_id',
  检查员编号: 'inspector_id',
  编号: 'inspector_id',
  name: 'name',
  姓名: 'name',
  home_province_code: 'home_province_code',
  籍贯省份代码: 'home_province_code',
  所在省份代码: 'home_province_code',
  省份代码: 'home_province_code',
  load_cap: 'load_cap',
  工作量上限: 'load_cap',
  active: 'active',
  在岗: 'active',
  是否在岗: 'active',
};

const TRUE = new Set(['', 'true', '1', 'yes', '是']);
const FALSE = new Set(['false', '0', 'no', '否']);

export interface Problem {
  key:
    | 'insp.p.id'
    | 'insp.p.example'
    | 'insp.p.dup'
    | 'insp.p.name'
    | 'insp.p.province'
    | 'insp.p.cap'
    | 'insp.p.active';
  field: Field;
  vars: Record<string, string>;
}
export interface PreviewRow {
  line: number;
  values: Record<Field, string>;
  /** every bad cell of the row, in column order (empty when the row is fine) */
  problems: Problem[];
}

/** The template's example rows carry IDs with this prefix; such a row is refused (here and by the server), so a
 *  template sent back with its example left in changes no real inspector. */
export const EXAMPLE_ID_PREFIX = '示例';
export interface Preview {
  rows: PreviewRow[];
  missing: Field[];
  unknown: string[];
  csv: string;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, '')
    .toLowerCase();

export function previewInspectors(text: string): Preview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...body] = parsed.data;
  const map = header.map((h) => ALIASES[norm(h)] ?? ALIASES[h.trim()] ?? null);
  const missing = FIELDS.filter((f) => f !== 'active' && !map.includes(f));
  const unknown = header.filter((_h, i) => map[i] === null);
  const counts = new Map<string, number>();
  const rows: PreviewRow[] = body.map((cells, i) => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>;
    map.forEach((f, j) => {
      if (f) values[f] = (cells[j] ?? '').trim();
    });
    counts.set(values.inspector_id, (counts.get(values.inspector_id) ?? 0) + 1);
    return { line: i + 2, values, problems: [] as Problem[] };
  });
  for (const r of rows) r.problems = check(r.values, counts.get(r.values.inspector_id) ?? 0);
  const csv = `${Papa.unparse({ fields: [...FIELDS], data: rows.map((r) => FIELDS.map((f) => r.values[f])) }, { newline: '\n' })}\n`;
  return { rows, missing, unknown, csv };
}

/** Every bad cell of a row, as sql/spotcheck/inspectors_read.sql finds them. */
function check(v: Record<Field, string>, copies: number): Problem[] {
  const out: Problem[] = [];
  if (v.inspector_id === '') out.push({ key: 'insp.p.id', field: 'inspector_id', vars: {} });
  else if (v.inspector_id.startsWith(EXAMPLE_ID_PREFIX))
    out.push({ key: 'insp.p.example', field: 'inspector_id', vars: { id: v.inspector_id } });
  else if (copies > 1) out.push({ key: 'insp.p.dup', field: 'inspector_id', vars: { id: v.inspector_id } });
  if (v.name === '') out.push({ key: 'insp.p.name', field: 'name', vars: {} });
  if (!/^\d{2}0000$/.test(v.home_province_code))
    out.push({ key: 'insp.p.province', field: 'home_province_code', vars: { v: v.home_province_code } });
  if (!/^\d+$/.test(v.load_cap)) out.push({ key: 'insp.p.cap', field: 'load_cap', vars: { v: v.load_cap } });
  const a = v.active.toLowerCase();
  if (!TRUE.has(a) && !FALSE.has(a)) out.push({ key: 'insp.p.active', field: 'active', vars: { v: v.active } });
  return out;
}

/**
 * A template with the server's own header and two example rows. Their IDs start with EXAMPLE_ID_PREFIX, which no
 * real register uses and the import refuses: left in by mistake they are named as the example, never imported (the
 * earlier example JC32001 was a demo inspector's ID, and importing the template as-is renamed her).
 */
export const TEMPLATE = `${FIELDS.join(',')}\n${EXAMPLE_ID_PREFIX}001,示例姓名甲,110000,4,是\n${EXAMPLE_ID_PREFIX}002,示例姓名乙,320000,3,是\n`;
