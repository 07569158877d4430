// Run by xlsx-stream.test.ts in a process of its own: opens a workbook, reads one row and leaves the sheet open.
// The process must still end when its work is done.
import { openXlsxSheet } from '../../pipeline/readers/xlsx.ts';

const sheet = await openXlsxSheet(process.argv[2]);
const first = await sheet.rows.next();
process.stdout.write(`${sheet.header.length} ${first.value?.line}\n`);
