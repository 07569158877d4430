// In-browser preview and column check of a file before it is sent: CSV parsed by papaparse, the header matched
// against the same dataset contracts the loader uses (pipeline/contracts), so the check cannot disagree with it.
import Papa from 'papaparse';
import { datasets, type DatasetContract } from '../../../../pipeline/contracts/index.ts';
import { matchHeader, type HeaderMatch } from '../../../../pipeline/contracts/header-match.ts';

export interface Preview {
  fields: string[];
  rows: string[][];
  dataset: DatasetContract | null;
  match: HeaderMatch | null;
  /** GBK files are decoded by the server; the browser preview reads UTF-8 and may show mojibake. */
  note: string | null;
}

export const datasetNames = () => datasets.map((d) => ({ name: d.name, zh: d.zh }));

export function guessDataset(fileName: string, fields: string[], chosen?: string): DatasetContract | null {
  if (chosen) return datasets.find((d) => d.name === chosen) ?? null;
  const base = fileName.toLowerCase();
  const byName = datasets
    .filter((d) => base.startsWith(d.name) || fileName.startsWith(d.zh))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (byName) return byName;
  const fits = datasets.filter((d) => matchHeader(d, fields).ok);
  return fits.length === 1 ? fits[0]! : null;
}

export function previewCsv(text: string, fileName: string, chosen?: string, limit = 20): Preview {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: limit + 1, skipEmptyLines: true });
  const [fields = [], ...rows] = parsed.data;
  const dataset = guessDataset(fileName, fields, chosen);
  return {
    fields,
    rows,
    dataset,
    match: dataset ? matchHeader(dataset, fields) : null,
    note: text.includes('\uFFFD') ? 'encoding' : null,
  };
}

export const isCsv = (name: string) => /\.(csv|txt|tsv)$/i.test(name);
