// Language context: zh-CN by default, English on request (kept in localStorage and the `lang` query parameter).
// Numbers and dates are formatted with Intl for the active locale.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { makeI18n, type I18n, type Lang, type MetricNamer } from './make.ts';

export * from './make.ts';

const Ctx = createContext<I18n>(makeI18n('zh'));

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'zh') return q;
  return localStorage.getItem('shifan.lang') === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const value = useMemo(
    () =>
      makeI18n(lang, (l) => {
        localStorage.setItem('shifan.lang', l);
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
        setLangState(l);
      }),
    [lang],
  );
  if (typeof document !== 'undefined') document.title = value.t('app.documentTitle');
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * Names metrics in flag, watchlist and risk messages in the page's language (the indicator system's name_zh /
 * name_en, from /api/meta), inside the language provider; without it a message names the metric by its id in English.
 */
export function MetricNamesProvider({
  metrics,
  children,
}: {
  metrics: readonly { id: string; name_zh: string; name_en: string }[] | undefined;
  children: ReactNode;
}) {
  const outer = useContext(Ctx);
  const value = useMemo(() => {
    if (!metrics?.length) return outer;
    const byId = new Map(metrics.map((m) => [m.id, m]));
    const name: MetricNamer = (id, l) => {
      const m = byId.get(id);
      return m ? (l === 'zh' ? m.name_zh : m.name_en) : undefined;
    };
    return makeI18n(outer.lang, outer.setLang, name);
  }, [outer, metrics]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
