// The self-assessment report (自评报告, 三(一)) an applicant sends with its application: kept as received, identified
// by its SHA-256, and its text extracted for search with the readers the published disclosure reports use
// (pdf.js for PDF, mammoth for DOCX). The file itself stays where the office keeps its records; the database holds
// its name, size, hash and text.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { appendAudit } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import type { ExtractedDocument } from '../disclosure-reports/index.ts';
import { getRound, RoundError } from './rounds.ts';

export type ReportFileFormat = 'pdf' | 'docx' | 'text';

export function reportFileFormat(name: string): ReportFileFormat | null {
  const ext = extname(name).toLowerCase();
  return ext === '.pdf' ? 'pdf' : ext === '.docx' ? 'docx' : ext === '.txt' ? 'text' : null;
}

export function documentText(doc: ExtractedDocument): string {
  return doc.lines.map((l) => l.cells.map((c) => c.text).join(' ')).join('\n');
}

export async function extractReportText(bytes: Buffer, format: ReportFileFormat): Promise<string> {
  // the readers (pdf.js, mammoth) load with the first report, not with the server
  if (format === 'pdf')
    return documentText(await (await import('../disclosure-reports/extract-pdf.ts')).extractPdf(bytes));
  if (format === 'docx')
    return documentText(await (await import('../disclosure-reports/extract-docx.ts')).extractDocx(bytes));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export interface LoadedReport {
  file_name: string;
  format: ReportFileFormat;
  bytes: number;
  sha256: string;
  characters: number;
  status: 'loaded' | 'skipped';
}

export async function loadApplicationReport(
  db: Database,
  roundId: string,
  regionCode: string,
  path: string,
  actor: string,
): Promise<LoadedReport> {
  await getRound(db, roundId);
  const [application] = await db.allFile('naming/application_one', { round: roundId, region: regionCode });
  if (!application) throw new RoundError('naming.no_application', { round: roundId, region: regionCode });
  const fileName = basename(path);
  const format = reportFileFormat(fileName);
  if (!format) throw new RoundError('naming.bad_report_format', { file: fileName });
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = await extractReportText(bytes, format);
  } catch (err) {
    throw new RoundError('naming.unreadable_report', { file: fileName, detail: (err as Error).message });
  }
  const inserted = await db.transaction(async () => {
    const rows = await db.allFile('naming/report_insert', {
      round_id: roundId,
      region_code: regionCode,
      file_name: fileName,
      format,
      bytes: bytes.length,
      sha256,
      text,
      loaded_by: actor,
    });
    if (rows.length)
      await appendAudit(db, {
        action: 'naming.report',
        actor,
        subject: `region:${regionCode}`,
        details: { round_id: roundId, file_name: fileName, sha256, bytes: bytes.length },
      });
    return rows.length > 0;
  });
  return {
    file_name: fileName,
    format,
    bytes: bytes.length,
    sha256,
    characters: text.length,
    status: inserted ? 'loaded' : 'skipped',
  };
}
