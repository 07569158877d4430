// What every dataset generator gets: the world, the plan of planted problems, the tallies, and tables that
// write a contract's rows in a file style (CSV or XLSX), recording files and row counts as they close.
import { join } from 'node:path';
import type { DatasetContract } from '../contracts/index.ts';
import type { DayTable } from './days.ts';
import { makeFormatter, type FileStyle, type Formatter, type Typed } from './format.ts';
import type { Plan } from './planted.ts';
import { stream } from './random.ts';
import type { Tallies } from './tallies.ts';
import type { World } from './world.ts';
import { CsvWriter, type CsvOptions } from './write/csv.ts';
import { XlsxWriter } from './write/xlsx.ts';

export interface Progress {
  step: string;
  /** Rows written so far in this step, and the rows expected (when known). */
  done?: number;
  total?: number;
}

export interface DemoContext {
  world: World;
  days: DayTable;
  plan: Plan;
  tallies: Tallies;
  outDir: string;
  /** Files written (names inside outDir), in order, with their dataset and data rows. */
  files: Array<{ file: string; dataset: string; rows: number }>;
  /** Data rows per dataset (planted bad rows included: they are in the files). */
  counts: Record<string, number>;
  progress(p: Progress): void;
}

export interface Table {
  readonly file: string;
  /** Writes a typed row (contract column order); returns its line (CSV) or sheet row (XLSX). */
  row(values: readonly Typed[], verbatim?: Record<string, string>): number;
  close(): Promise<void>;
}

export class CsvTable implements Table {
  private readonly writer: CsvWriter;
  readonly formatter: Formatter;

  constructor(
    private readonly ctx: DemoContext,
    readonly file: string,
    private readonly contract: DatasetContract,
    style: FileStyle,
    options: CsvOptions,
  ) {
    this.formatter = makeFormatter(contract, style, ctx.days, stream(ctx.world.seed, 'cells', file));
    this.writer = new CsvWriter(join(ctx.outDir, file), this.formatter.header, options);
  }

  /** `verbatim` replaces cells by column name with text as given: for the planted bad rows. */
  row(values: readonly Typed[], verbatim?: Record<string, string>): number {
    return this.writer.row(this.formatter.format(values, verbatim));
  }

  async close(): Promise<void> {
    this.writer.close();
    record(this.ctx, this.file, this.contract, this.writer.rows);
  }
}

export class XlsxTable implements Table {
  private readonly writer: XlsxWriter;
  private readonly formatter: Formatter;

  constructor(
    private readonly ctx: DemoContext,
    readonly file: string,
    private readonly contract: DatasetContract,
    style: FileStyle,
  ) {
    this.formatter = makeFormatter(contract, style, ctx.days, stream(ctx.world.seed, 'cells', file));
    const dateColumns = new Set(contract.columns.filter((c) => c.type === 'date').map((c) => c.name));
    this.writer = new XlsxWriter(
      join(ctx.outDir, file),
      contract.name,
      this.formatter.columns.map((name, i) => ({
        header: this.formatter.header[i],
        date: style.date === 'excel' && dateColumns.has(name),
      })),
    );
  }

  row(values: readonly Typed[], verbatim?: Record<string, string>): number {
    return this.writer.row(this.formatter.format(values, verbatim));
  }

  async close(): Promise<void> {
    await this.writer.close();
    record(this.ctx, this.file, this.contract, this.writer.rows);
  }
}

export function record(ctx: DemoContext, file: string, contract: DatasetContract, rows: number): void {
  ctx.files.push({ file, dataset: contract.name, rows });
  ctx.counts[contract.name] = (ctx.counts[contract.name] ?? 0) + rows;
}
