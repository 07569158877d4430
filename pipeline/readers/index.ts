export { scanCsv, physicalLine, type CsvScan } from './csv-scan.ts';
export { readCsvHeader, type CsvHeader } from './csv-header.ts';
export { decodeGb18030ToUtf8, decodeBytes } from './gb18030.ts';
export {
  readXlsx,
  openXlsxSheet,
  cellText,
  excelSerialToText,
  XLSX_MAX_BYTES,
  XlsxTooLargeError,
  type SheetRows,
  type XlsxRow,
  type XlsxSheetStream,
} from './xlsx.ts';
export { readJsonl, jsonCellText, type JsonlLine } from './jsonl.ts';
export { formatOf, reportFormatOf, type FileFormat, type ReportFileFormat } from './format.ts';
export { UnreadableFileError, type UnreadableCode } from './unreadable.ts';
