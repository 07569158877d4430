// The README's data section, generated from the contracts and reject codes (never written by hand).
// `npm run docs` rewrites the README between its markers; tests/docs checks it is current.
import { datasets, isRequired } from '../contracts/index.ts';
import { columnRule } from '../templates/index.ts';
import { fileRefusalCodes, rowRejectCodes } from '../load/reject-codes.ts';

export function dataContractMarkdown(): string {
  const out: string[] = [];
  for (const d of datasets) {
    out.push(`### ${d.name} ${d.zh} (key: ${d.key.join(', ')})`, '', d.description, '');
    out.push('| column | 中文表头 | rule |', '|---|---|---|');
    for (const c of d.columns)
      out.push(`| \`${c.name}\`${isRequired(d, c) ? '' : ''} | ${c.zh} | ${columnRule(d, c).replace(/\|/g, '\\|')} |`);
    if (d.rules?.length) {
      out.push('', 'Row rules:');
      for (const r of d.rules) out.push(`- \`${r.code}\` (${r.column}): ${r.message}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function rejectCodesMarkdown(): string {
  const out = ['| code | a row is rejected when |', '|---|---|'];
  for (const [code, text] of Object.entries(rowRejectCodes)) out.push(`| \`${code}\` | ${text} |`);
  out.push('', '| code | a whole file is refused when |', '|---|---|');
  for (const [code, text] of Object.entries(fileRefusalCodes)) out.push(`| \`${code}\` | ${text} |`);
  return out.join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README has no ${start} … ${end} section`);
  return `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`;
}

export function generatedReadme(doc: string): string {
  return replaceSection(
    replaceSection(doc, 'data-contract', dataContractMarkdown()),
    'reject-codes',
    rejectCodesMarkdown(),
  );
}
