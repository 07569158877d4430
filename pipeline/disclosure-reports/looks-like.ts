// Whether a text file is a published report: apart from index.ts so that the loader can ask without loading the
// report readers (mammoth, node-html-parser, pdf.js), which it imports only when a report comes (issue 16).

/** True when a text file is a report rather than a delimited data file (its first lines name the report). */
export function looksLikeReport(head: string): boolean {
  return /政府信息公开工作年度报告/.test(head) && !/[,\t].*[,\t].*[,\t]/.test(head.split(/\r?\n/)[0] ?? '');
}
