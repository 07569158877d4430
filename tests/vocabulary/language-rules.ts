// What counts as the other language, for the word checks (languages.test.ts) and the browser scan
// (tests/browser/language-scan.test.ts): one definition, so the two cannot disagree.

/** Chinese characters, CJK symbols and full-width punctuation: "：" in an English sentence is as wrong as a word. */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Latin words a Chinese text may hold: names of formats and of the spreadsheet programs that write them, units, encodings and hashes, statistics' abbreviations, the
 * command's own name, and the field names and spellings a sender or an API caller must type as they are (true/false,
 * password, file).
 */
export const LATIN_IN_ZH = new Set([
  'XLSX',
  'XLS',
  'Excel',
  'WPS',
  'PDF',
  'CSV',
  'JSON',
  'ID',
  'SHA',
  'ZIP',
  'HTML',
  'DOCX',
  'TXT',
  'KB',
  'MB',
  'GB',
  'FDR',
  'UUID',
  'ISO',
  'UTF',
  'LF',
  'ms',
  'YYYY',
  'YYYYQn',
  'MM',
  'DD',
  'HH',
  'SS',
  'Lines',
  'Parquet',
  'shifan',
  'true',
  'false',
  'password',
  'file',
  'multipart',
  'name',
  'active',
  'ticket',
  'Content',
  'Length',
  'API',
]);

/** The Latin words of a Chinese text that are not allowed: identifiers (snake_case, kebab-case, dotted metric ids,
 *  paths, with digits) and `{parameters}` are code, not words. */
export function latinWords(text: string): string[] {
  const prose = text
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/shifan(\s+-*[a-z][\w-]*)*/g, 'shifan')
    // identifiers: with a digit or an underscore (file names, hashes, codes), or dotted / slashed / colon-joined
    // words without a space (metric ids such as normative.conforming, paths, top:K)
    .replace(/[A-Za-z0-9.]*[_/\d:-][A-Za-z0-9_./:-]*/g, ' ')
    .replace(/[A-Za-z0-9_]+(?:[./:-][A-Za-z0-9_]+)+/g, ' ');
  return (prose.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_IN_ZH.has(w) && !LATIN_IN_ZH.has(w.toUpperCase()));
}

/** Input spellings an English text names because senders write them so (accepted date and yes/no forms). */
export const INPUT_SPELLINGS = ['YYYY年M月D日', '是/否'];

/** Whether an English text holds Chinese (its named input spellings aside). */
export function hasChinese(text: string): boolean {
  return CJK.test(INPUT_SPELLINGS.reduce((s, x) => s.replaceAll(x, ''), text));
}
