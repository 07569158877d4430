// Where a round's exports are written: beside the quarterly packages, `<exports>/naming-<round>/`. Apart from
// export.ts so that the server can serve the files without loading the workbook library.
import { join } from 'node:path';
import { defaultExportsDir } from '../export/packages.ts';

export function namingExportDir(roundId: string, root = defaultExportsDir()): string {
  return join(root, `naming-${roundId}`);
}
