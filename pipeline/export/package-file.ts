// Which files of a quarterly package may be handed out, and as what: a file its manifest lists, or its zip — never
// a path outside the exports folder. The API's download route asks here (pipeline/export/routes.ts).
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { listExports, type ExportListing } from './packages.ts';

export const CONTENT_TYPES: Record<string, string> = {
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A listing as the API shows it: file names, never the server's paths. */
export function publicListing(l: ExportListing) {
  return {
    quarter: l.quarter,
    generated_at: l.generated_at,
    as_of: l.as_of,
    indicator_system_version: l.indicator_system_version,
    pdf: l.pdf,
    zip: l.zip ? basename(l.zip) : null,
    zip_bytes: l.zip_bytes,
    files: l.files.map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 })),
  };
}

/** The path of `name` in the package of `quarter`: a file its manifest lists, or the zip; null for anything else. */
export function packageFile(exportsDir: string, quarter: string, name: string): string | null {
  if (
    !/^\d{4}Q[1-4]$/.test(quarter) ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('.')
  )
    return null;
  const pkg = listExports(exportsDir).find((l) => l.quarter === quarter && basename(l.dir) === quarter);
  if (!pkg) return null;
  let path: string | null = null;
  if (pkg.zip && name === basename(pkg.zip)) path = pkg.zip;
  else if (pkg.files.some((f) => f.name === name) || name === 'manifest.json') path = join(pkg.dir, name);
  if (!path) return null;
  // Belt and braces: the resolved path stays inside the exports folder.
  const rel = relative(resolve(exportsDir), resolve(path));
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(path) === resolve(exportsDir)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}
