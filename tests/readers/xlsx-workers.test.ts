// The XLSX parse worker reads workbook after workbook (pipeline/readers/xlsx-workers.ts): nothing of one workbook may
// stay behind in it. The parse stops at the end of the chosen sheet, so a workbook whose chosen sheet is followed by
// a large one was left open in the worker, one file descriptor (and its parse) per workbook read.
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../pipeline/readers/xlsx.ts';
import { startParse, type WorkerMessage } from '../../pipeline/readers/xlsx-workers.ts';
import { writeWorkbook } from './xlsx-workbook.ts';

const dir = mkdtempSync(join(tmpdir(), 'shifan-xlsx-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The process's open descriptors on `file` (workers share the process's table). */
function openOn(file: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch {
      // closed while listed
    }
  }
  return n;
}

describe('a reused parse worker', () => {
  it.skipIf(!existsSync('/proc/self/fd'))(
    'keeps no workbook open once its sheet is read, when more sheets follow the chosen one',
    async () => {
      const file = join(dir, 'two-sheets.xlsx');
      const header = { r: 1, cells: [{ t: 's' as const, v: '0' }] };
      const body = (n: number) => Array.from({ length: n }, (_, i) => ({ r: i + 2, cells: [{ v: String(i) }] }));
      await writeWorkbook(file, {
        sheets: [
          { name: '执法决定', rows: [header, ...body(10)] },
          // far more than the file reader and the zip parser buffer ahead, stored so its bytes are many
          { name: '其他', rows: [header, ...body(40_000)] },
        ],
        sharedStrings: ['编号'],
        sharedStringsFirst: true,
        store: true,
      });
      for (let i = 0; i < 5; i++) {
        const read = await readXlsx(file, ['执法决定']);
        expect(read.sheet).toBe('执法决定');
        expect(read.rows.length).toBe(10);
      }
      // a descriptor is closed a moment after its stream is destroyed
      for (let i = 0; i < 50 && openOn(file) > 0; i++) await sleep(20);
      expect(openOn(file)).toBe(0);
    },
    60_000,
  );

  it('does not hand a thread that an error ended to the next workbook', async () => {
    const file = join(dir, 'small.xlsx');
    const header = { r: 1, cells: [{ t: 's' as const, v: '0' }] };
    await writeWorkbook(file, {
      sheets: [{ name: '执法决定', rows: [header] }],
      sharedStrings: ['编号'],
      sharedStringsFirst: true,
    });
    const all = async (path: string) => {
      const parse = startParse({ path, preferredSheets: [], batchRows: 100 });
      const got: WorkerMessage[] = [];
      for (;;) {
        const m = await parse.receive();
        got.push(m);
        if (m.type === 'end' || m.type === 'error') break;
        parse.more();
      }
      await parse.finish();
      return got;
    };
    expect((await all(file)).at(-1)?.type).toBe('end');
    // a file gone between its check and its reading: the read stream's error ends the worker's thread
    expect((await all(join(dir, 'gone.xlsx'))).at(-1)?.type).toBe('error');
    expect((await all(file)).map((m) => m.type)).toEqual(['sheet', 'rows', 'end']);
  }, 60_000);
});
