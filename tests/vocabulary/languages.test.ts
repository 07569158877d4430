// Chinese throughout, English throughout, checked on the words themselves (the browser scan,
// tests/browser/language-scan.test.ts, checks the pages): every word of the dashboard, the vocabulary and the
// command line exists in both languages, an English text holds no Chinese character or full-width punctuation, and
// a Chinese text no Latin word but the names of formats and the product's own command.
import { describe, expect, it } from 'vitest';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import {
  cliWords,
  contradictionFragment,
  contradictionMessage,
  errors,
  fileRefusal,
  flagFragment,
  flagMessage,
  rowReject,
  terms,
  type Term,
} from '../../pipeline/vocabulary/index.ts';
import { hasChinese, latinWords } from './language-rules.ts';

/** Every worded text of the product by where it lives, in one language. */
function texts(lang: 'zh' | 'en'): [string, string][] {
  const out: [string, string][] = [];
  const dict = lang === 'zh' ? zh : en;
  for (const [k, v] of Object.entries(dict)) out.push([`i18n ${k}`, v]);
  for (const [group, codes] of Object.entries(terms))
    for (const [code, t] of Object.entries(codes as Record<string, Term>))
      out.push([`terms ${group}.${code}`, t[lang]]);
  const groups: Record<string, Record<string, Term>> = {
    errors,
    cliWords,
    flagMessage,
    flagFragment,
    contradictionMessage,
    contradictionFragment,
    rowReject,
    fileRefusal,
  };
  for (const [name, group] of Object.entries(groups))
    for (const [code, t] of Object.entries(group)) out.push([`${name} ${code}`, t[lang]]);
  return out;
}

describe('words in both languages', () => {
  it('has every page word in Chinese and English, none empty', () => {
    const missing = [
      ...Object.keys(zh).filter((k) => !(en as Record<string, string>)[k]?.trim()),
      ...Object.keys(en).filter((k) => !(zh as Record<string, string>)[k]?.trim()),
    ];
    expect(missing).toEqual([]);
  });

  // the language toggle names the other language in its own words (中文 / English), as the page marks it (lang)
  it('writes no Chinese character or full-width punctuation in an English text', () => {
    const found = texts('en')
      .filter(([k, v]) => k !== 'i18n lang.toggle' && hasChinese(v.replace(/\{[^}]*\}/g, ' ')))
      .map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
  });

  it('writes no Latin word in a Chinese text but the names of formats and units', () => {
    const found = texts('zh')
      .filter(([k, v]) => k !== 'i18n lang.toggle' && latinWords(v).length > 0)
      .map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
  });
});
