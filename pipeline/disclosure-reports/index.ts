// Reads a published 政府信息公开工作年度报告 (HTML, DOCX, PDF or plain text) into one row of the
// disclosure_annual_reports dataset, for the ordinary ingest (pipeline/load). See README.md.
import { readFile } from 'node:fs/promises';
import { disclosureAnnualReports } from '../contracts/disclosure-annual-reports.ts';
import { extractHtml } from './extract-html.ts';
import { extractDocx } from './extract-docx.ts';
import { extractPdf } from './extract-pdf.ts';
import { extractText } from './extract-text.ts';
import { parseReport, ReportParseError, type ParsedReport } from './parse.ts';
import { resolvePublisher } from './publisher.ts';
import { reportCells } from './record.ts';
import { decodeBytes, reportFormatOf, type ReportFileFormat } from '../readers/index.ts';
import type { ExtractedDocument } from './document.ts';

export { parseReport, ReportParseError, type ParsedReport } from './parse.ts';
export { balanceChecks, describeFailures, type CheckFailure } from './checks.ts';
export { resolvePublisher } from './publisher.ts';
export { extractHtml } from './extract-html.ts';
export { extractText } from './extract-text.ts';
export { extractPdf } from './extract-pdf.ts';
export { extractDocx } from './extract-docx.ts';
export type { DocLine, DocCell, ExtractedDocument } from './document.ts';

export type ReportFormat = ReportFileFormat;
export { reportFormatOf };

export interface ReadReport {
  /** The contract's column names: the row's cells come in this order. */
  fields: string[];
  row?: { line: number; values: Array<string | null>; raw: string };
  reject?: {
    line: number;
    code: 'unresolved_publisher' | 'unreadable_report';
    value: string | null;
    message: string;
    raw: string;
  };
}

export { looksLikeReport } from './looks-like.ts';

export async function extractReport(path: string, format: ReportFormat): Promise<ExtractedDocument> {
  const bytes = await readFile(path);
  switch (format) {
    case 'docx':
      return extractDocx(bytes);
    case 'pdf':
      return extractPdf(bytes);
    case 'html':
      return extractHtml(decodeBytes(bytes, htmlCharset(bytes)));
    case 'text':
      return extractText(decodeBytes(bytes, utf8OrGb(bytes)));
  }
}

export async function readDisclosureReport(path: string, format: ReportFormat): Promise<ReadReport> {
  const fields = disclosureAnnualReports.columns.map((c) => c.name);
  let parsed: ParsedReport;
  let doc: ExtractedDocument;
  try {
    doc = await extractReport(path, format);
    parsed = parseReport(doc);
  } catch (err) {
    const line = err instanceof ReportParseError ? (err.line ?? 1) : 1;
    const message = `无法按国家模板读取年度报告：${(err as Error).message} (the report cannot be read in the national template)`;
    return { fields, reject: { line, code: 'unreadable_report', value: null, message, raw: '' } };
  }
  const raw = `${parsed.title}`;
  const resolved = resolvePublisher(parsed.publisher);
  if ('error' in resolved) {
    return {
      fields,
      reject: {
        line: parsed.titleLine,
        code: 'unresolved_publisher',
        value: parsed.publisher,
        message: resolved.error,
        raw,
      },
    };
  }
  const cells = reportCells(parsed, resolved.code);
  return { fields, row: { line: parsed.titleLine, values: fields.map((f) => cells.get(f) ?? null), raw } };
}

function htmlCharset(bytes: Buffer): 'utf-8' | 'gb18030' {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /charset=["']?([\w-]+)/i.exec(head);
  return m && /gb/i.test(m[1]) ? 'gb18030' : 'utf-8';
}

function utf8OrGb(bytes: Buffer): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
export { listDisclosureReports, type DisclosureReportRow } from './list.ts';
