// Paths of the shipped reference files other folders read (the demo generator, the national-benchmarks ingest).
import { join } from 'node:path';
import { dataDir } from '../db/paths.ts';

const FILES = {
  divisions: 'divisions.csv',
  namedRegions: 'named-regions.csv',
  nationalBenchmarks: 'national_benchmarks.csv',
} as const;

export function referenceFile(name: keyof typeof FILES): string {
  return join(dataDir, 'reference', FILES[name]);
}
