// Which dataset a file carries: named by the caller, else by the file name's prefix (dataset name or its
// Chinese name), else by the header that fits a contract.
import { basename } from 'node:path';
import { datasets, type DatasetContract } from '../contracts/index.ts';
import { matchHeader, normaliseHeader } from '../contracts/header-match.ts';

export type Detection =
  | { contract: DatasetContract }
  | { error: string; code: 'unknown_dataset' | 'ambiguous_dataset'; params: Record<string, unknown> };

export function detectDataset(path: string, fields: string[]): Detection {
  const name = normaliseHeader(basename(path));
  const byName = [...datasets]
    .sort((a, b) => b.name.length - a.name.length)
    .find((d) => name.startsWith(d.name) || name.startsWith(normaliseHeader(d.zh)));
  if (byName) return { contract: byName };
  const fitting = datasets.filter((d) => matchHeader(d, fields).ok);
  if (fitting.length === 1) return { contract: fitting[0] };
  if (fitting.length > 1) {
    return {
      error: `the header fits several datasets (${fitting.map((d) => d.name).join(', ')}); name the file after one or pass --dataset`,
      code: 'ambiguous_dataset',
      params: { datasets: fitting.map((d) => d.name) },
    };
  }
  const scored = datasets
    .map((d) => ({ d, known: matchHeader(d, fields).columns.filter(Boolean).length }))
    .sort((a, b) => b.known - a.known);
  const hint = scored[0] && scored[0].known > 0 ? ` (closest: ${scored[0].d.name})` : '';
  return {
    error: `cannot tell which dataset this file carries${hint}: name it <dataset>_….csv (e.g. enforcement_decisions_2024.csv) or pass --dataset`,
    code: 'unknown_dataset',
    params: scored[0] && scored[0].known > 0 ? { closest: scored[0].d.name } : {},
  };
}
