// Language context: zh-CN by default, English on request (kept in localStorage and the `lang` query parameter).
// Numbers and dates are formatted with Intl for the active locale.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './zh.ts';
import { en } from './en.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };
const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export interface I18n {
  lang: Lang;
  locale: string;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Known enum values (status, designation, level…) → label; unknown values pass through. */
  label(prefix: string, value: unknown): string;
  num(v: number | null | undefined, digits?: number): string;
  pct(v: number | null | undefined, digits?: number): string;
  date(v: string | number | Date | null | undefined, withTime?: boolean): string;
}

export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => {}): I18n {
  const dict = dictionaries[lang];
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const nf = new Map<number, Intl.NumberFormat>();
  const numFmt = (d: number) => {
    if (!nf.has(d)) nf.set(d, new Intl.NumberFormat(locale, { maximumFractionDigits: d }));
    return nf.get(d)!;
  };
  const df = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Asia/Shanghai',
  });
  const dtf = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
  return {
    lang,
    locale,
    setLang,
    t(key, vars) {
      let s: string = dict[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
      return s;
    },
    label(prefix, value) {
      const key = `${prefix}.${String(value)}` as MessageKey;
      return key in dict ? dict[key] : String(value ?? '');
    },
    num: (v, digits = 2) => (v == null || Number.isNaN(v) ? '—' : numFmt(digits).format(v)),
    pct: (v, digits = 1) => (v == null || Number.isNaN(v) ? '—' : `${numFmt(digits).format(v * 100)}%`),
    date(v, withTime = false) {
      if (v == null || v === '') return '—';
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v; // civil date, shown as is
      // The server's timestamps without a zone ("2026-11-29 13:35:18") are already civil time in Asia/Shanghai.
      const civil = typeof v === 'string' ? v.match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/) : null;
      if (civil) return withTime ? `${civil[1]} ${civil[2]}` : civil[1]!;
      const d = v instanceof Date ? v : new Date(v);
      return Number.isNaN(d.getTime()) ? String(v) : (withTime ? dtf : df).format(d);
    },
  };
}

const Ctx = createContext<I18n>(makeI18n('zh'));

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'zh') return q;
  return localStorage.getItem('shifan.lang') === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo(
    () =>
      makeI18n(lang, (l) => {
        localStorage.setItem('shifan.lang', l);
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
        setLangState(l);
      }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
