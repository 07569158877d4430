// Labels of the datasets, their columns and their enum values, read from the data contracts: the Chinese header
// of a column and the label of a value are written once, in pipeline/contracts/<dataset>.ts.
import { datasets } from '../contracts/index.ts';
import type { Lang, Term } from './types.ts';

/** "region_code" → "Region code": the English label of a column without its own. */
export function words(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const datasetLabels: Record<string, Term> = Object.fromEntries(
  datasets.map((d) => [d.name, { zh: d.zh, en: words(d.name) }]),
);

export const columnLabels: Record<string, Record<string, Term>> = Object.fromEntries(
  datasets.map((d) => [
    d.name,
    Object.fromEntries(d.columns.map((c) => [c.name, { zh: c.zh, en: c.en ?? words(c.name) }])),
  ]),
);

/** Enum values by column name across datasets (designation, level, outcome, kind, …). */
export const enumLabels: Record<string, Record<string, Term>> = {};
for (const d of datasets) {
  for (const c of d.columns) {
    if (!c.values) continue;
    enumLabels[c.name] ??= {};
    const group = enumLabels[c.name];
    for (const v of c.values) group[v.value] = { zh: v.zh, en: v.en };
  }
}

export function datasetLabel(dataset: string, lang: Lang): string {
  return datasetLabels[dataset]?.[lang] ?? dataset;
}

/** The loader's own columns on every row of a dataset view (pipeline/load): where the row came from. */
const loaderColumns: Record<string, { zh: string; en: string }> = {
  _load_id: { zh: '入库批次', en: 'Load' },
  _line: { zh: '源文件行号', en: 'Source line' },
};

/** A column's label; a column in neither the contract nor the loader's (a computed field) shows its name as words. */
export function columnLabel(dataset: string, column: string, lang: Lang): string {
  return (
    columnLabels[dataset]?.[column]?.[lang] ?? loaderColumns[column]?.[lang] ?? (lang === 'en' ? words(column) : column)
  );
}

export function enumLabel(column: string, value: string, lang: Lang): string {
  return enumLabels[column]?.[value]?.[lang] ?? value;
}
