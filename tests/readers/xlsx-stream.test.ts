// The streaming XLSX reader gives exactly what the whole-workbook reader gives (issue 10, finding 4). exceljs's
// streaming WorkbookReader decoded each zip chunk on its own, so a Chinese character whose UTF-8 bytes straddled two
// chunks came out as two U+FFFD (the demo's 是). These workbooks are mostly Chinese text, long enough that many
// chunk boundaries fall inside a character, in shared strings and in inline strings, with the sheet read directly
// and (sheet before sharedStrings in the zip) through exceljs's temp file.
import { existsSync, mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsxSheet, readXlsx, rowCells, type SheetRows } from '../../pipeline/readers/xlsx.ts';
import { UnreadableFileError } from '../../pipeline/readers/unreadable.ts';
import { CJK } from '../vocabulary/language-rules.ts';
import { esc, type XmlCell, type XmlWorkbook, writeWorkbook } from './xlsx-workbook.ts';

const dir = mkdtempSync(join(tmpdir(), 'shifan-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Three-byte characters (most of them) and four-byte ones (𠮷, 𡈼: CJK Extension B, found in names).
const POOL = Array.from(
  '是否执法决定行政许可处罚强制检查征收市场监督管理局生态环境交通运输城市综合应急法治政府建设示范地区𠮷𡈼',
);
const ROWS = 3000;

function chinese(seed: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += POOL[(seed * 31 + i * 7 + ((seed * i) % 13)) % POOL.length];
  return s;
}

const RICH = '<r><t>富</t></r><r><rPr><b/></rPr><t>文本 &amp; 𠮷</t></r>';
const FIXED = ['是', '否', 'A&B <公司> "引号"', '𠮷野家', '  前后空格  ', RICH];
const HEADER = ['案件编号', '行政区划代码', '执法类别', '说明', '决定日期', '金额', '其他'];

/** The workbook's content: a header, then rows of every cell kind, some rows empty, some row numbers skipped. */
function content(): { sharedStrings: string[]; rows: XmlWorkbook['sheets'][number]['rows'] } {
  const sharedStrings = [...HEADER, ...FIXED];
  const shared = (text: string): XmlCell => {
    sharedStrings.push(text);
    return { t: 's', v: String(sharedStrings.length - 1) };
  };
  const fixed = (i: number): XmlCell => ({ t: 's', v: String(HEADER.length + (i % FIXED.length)) });
  const rows: XmlWorkbook['sheets'][number]['rows'] = [
    { r: 1, cells: HEADER.map((_, i) => ({ t: 's', v: String(i) })) },
  ];
  let r = 2;
  for (let i = 0; i < ROWS; i++, r++) {
    if (i % 97 === 5) rows.push({ r: r++, cells: [] }); // a row element with no cells
    if (i % 89 === 7) r += 3; // row numbers skipped
    const cells: Array<XmlCell | undefined> = [
      shared(`案${i}${chinese(i, (i * 37) % 120)}`),
      { v: String(110101 + i) },
      fixed(i),
      i % 5 === 3
        ? undefined
        : { t: 'inlineStr', body: `<is><t>${esc(`${chinese(i + 1, (i * 53) % 150)}&<${i}>`)}</t></is>` },
      i % 13 === 0
        ? undefined
        : i % 11 === 0
          ? { s: 2, v: String(45292 + (i % 400) + 0.5) }
          : { s: 1, v: String(45292 + (i % 400)) },
      { s: i % 2 ? 3 : undefined, v: i % 7 === 0 ? '0.1' : String(i * 1.25 - 300) },
      i % 3 === 0
        ? { t: 'b', v: String(i % 2) }
        : i % 3 === 1
          ? { t: 'str', f: 'A2&"法"', v: esc(`公式${chinese(i, 4)}`) }
          : { t: 'e', v: '#N/A' },
    ];
    if (i % 50 === 0) cells.push(undefined, shared(`表外${chinese(i, 9)}`)); // a cell beyond the header
    rows.push({ r, cells });
  }
  return { sharedStrings, rows };
}

/** The reference: exceljs's whole-workbook reader (strings decoded whole), cells read by the same rules. */
async function readWhole(path: string, preferred: string[] = []): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const wanted = new Set(preferred.map((s) => s.trim().toLowerCase()));
  const sheet = workbook.worksheets.find((ws) => wanted.has(ws.name.trim().toLowerCase())) ?? workbook.worksheets[0];
  let header: string[] | undefined;
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = rowCells(row, header?.length ?? 0);
    if (!cells) return;
    if (!header) header = cells.map((c) => c ?? '');
    else rows.push({ line, cells });
  });
  return { sheet: sheet.name, header: header ?? [], rows };
}

const { sharedStrings, rows } = content();

describe('the streaming XLSX reader', () => {
  it.each([
    { sharedStringsFirst: true, store: false, how: 'shared strings first, deflated' },
    { sharedStringsFirst: true, store: true, how: 'shared strings first, stored' },
    { sharedStringsFirst: false, store: false, how: 'sheet first (temp file), deflated' },
    { sharedStringsFirst: false, store: true, how: 'sheet first (temp file), stored' },
  ])(
    'reads Chinese text split across chunk boundaries exactly as the whole-workbook reader does ($how)',
    async ({ sharedStringsFirst, store, how }) => {
      const file = join(dir, `${how.replace(/\W+/g, '-')}.xlsx`);
      await writeWorkbook(file, { sheets: [{ name: '执法决定', rows }], sharedStrings, sharedStringsFirst, store });
      const streamed = await readXlsx(file);
      const whole = await readWhole(file);

      // Nothing was mis-decoded: no replacement character anywhere, and the text is what was written.
      const text = JSON.stringify(streamed);
      expect(text.includes('\uFFFD')).toBe(false);
      expect(streamed.header).toEqual(HEADER);
      const first = streamed.rows[0].cells;
      expect(first[0]).toBe(`案0${chinese(0, 0)}`);
      const row2 = streamed.rows[2]; // one non-empty row per generated row
      expect(row2.cells[0]).toBe(`案2${chinese(2, 74)}`);
      expect(row2.cells[3]).toBe(`${chinese(3, 106)}&<2>`);
      expect(streamed.rows.map((x) => x.cells[2]).slice(0, FIXED.length)).toEqual([
        '是',
        '否',
        'A&B <公司> "引号"',
        '𠮷野家',
        '  前后空格  ',
        '富文本 & 𠮷',
      ]);

      // And row for row, cell for cell, line for line, the same as the whole-workbook read.
      expect(streamed.sheet).toBe(whole.sheet);
      expect(streamed.header).toEqual(whole.header);
      expect(streamed.rows.length).toBe(ROWS);
      expect(streamed.rows).toEqual(whole.rows);
    },
    60_000,
  );

  it('reads dates, numbers, formulas, errors and empty cells as the whole-workbook reader does', async () => {
    const file = join(dir, 'kinds.xlsx');
    await writeWorkbook(file, { sheets: [{ name: 'Sheet1', rows }], sharedStrings, sharedStringsFirst: true });
    const streamed = await readXlsx(file);
    const byLine = new Map(streamed.rows.map((x) => [x.line, x.cells]));
    const at = (i: number) => streamed.rows[i].cells;
    expect(at(1)).toEqual([
      expect.any(String),
      '110102',
      '否',
      `${chinese(2, 53)}&<1>`,
      '2024-01-02',
      '-298.75',
      `公式${chinese(1, 4)}`,
    ]);
    expect(at(0).slice(4, 7)).toEqual([null, '0.1', 'false']); // no date cell in row 0 (0 % 13)
    expect(at(2)[6]).toBe('#N/A');
    expect(at(3)[3]).toBeNull(); // inline string left out (3 % 5)
    expect(at(11)[4]).toBe('2024-01-12 12:00:00'); // a date-time cell
    expect(at(7)[5]).toBe('0.1');
    expect(at(0).length).toBe(HEADER.length + 2); // a cell beyond the header is kept, the gap before it null
    expect(at(0)[HEADER.length]).toBeNull();
    expect([...byLine.keys()].length).toBe(ROWS); // empty rows left out, skipped row numbers kept as lines
    expect(streamed.rows.at(-1)?.line).toBe(rows.at(-1)?.r);
    expect(streamed.rows).toEqual((await readWhole(file)).rows);
  }, 60_000);

  it('reads the sheet named after the dataset, not the first, as the whole-workbook reader does', async () => {
    const file = join(dir, 'two-sheets.xlsx');
    const other = [{ r: 1, cells: [{ t: 's' as const, v: String(HEADER.length) }] }];
    await writeWorkbook(file, {
      sheets: [
        { name: '说明', rows: other },
        { name: '执法决定', rows },
      ],
      sharedStrings,
      sharedStringsFirst: false,
    });
    const opened = await openXlsxSheet(file, ['enforcement_decisions', '执法决定']);
    await opened.close();
    expect(opened.sheet).toBe('执法决定');
    expect(opened.header).toEqual(HEADER);
    const streamed = await readXlsx(file, ['执法决定']);
    expect(streamed).toEqual(await readWhole(file, ['执法决定']));
    expect((await readXlsx(file)).sheet).toBe('说明');
  }, 60_000);
});

describe('an XLSX file that is not a workbook', () => {
  it('is refused with a load code (worded by the vocabulary, with advice) and a log message naming the file', async () => {
    const file = join(dir, 'enforcement_decisions_text.xlsx');
    writeFileSync(file, '案件编号,行政区划代码\nA1,110101\n'.repeat(50));
    const err = (await readXlsx(file).catch((e) => e)) as UnreadableFileError;
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect(err.loadCode).toBe('unreadable_xlsx');
    expect(err.message).toMatch(/^enforcement_decisions_text\.xlsx: not a readable XLSX workbook \(/);
    expect(err.message).not.toMatch(CJK);
  });
});

describe('exceljs temp file', () => {
  it('goes to the folder the caller gives (the scratch folder, not /tmp), which is removed when the sheet is read', async () => {
    const file = join(dir, 'sheet-first.xlsx');
    await writeWorkbook(file, { sheets: [{ name: '执法决定', rows }], sharedStrings, sharedStringsFirst: false });
    const tempDir = mkdtempSync(join(dir, 'scratch-'));
    const seen: string[] = [];
    const watcher = watch(tempDir, (_event, name) => {
      if (name) seen.push(name);
    });
    try {
      const streamed = await readXlsx(file, [], { tempDir });
      expect(streamed.rows.length).toBe(ROWS);
    } finally {
      watcher.close();
    }
    expect(seen.length).toBeGreaterThan(0); // exceljs parked the sheet there
    expect(existsSync(tempDir)).toBe(false);
  }, 60_000);
});

describe('a sheet left open', () => {
  it('does not keep a command running after its work is done (the parse worker holds the process only while waited for)', async () => {
    // More rows than the worker sends before it is asked again (two batches of 2,000), so it is left waiting.
    const file = join(dir, 'left-open.xlsx');
    const many = Array.from({ length: 10_000 }, (_, i) => ({ r: i + 2, cells: [{ v: String(i) }] }));
    await writeWorkbook(file, {
      sheets: [{ name: '执法决定', rows: [rows[0], ...many] }],
      sharedStrings,
      sharedStringsFirst: true,
    });
    const run = spawnSync(process.execPath, ['bin/run-ts.mjs', 'tests/readers/left-open.ts', file], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.signal).toBeNull(); // not killed by the time-out
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`${HEADER.length} 2`);
  }, 120_000);
});
