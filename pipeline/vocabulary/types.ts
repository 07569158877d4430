// The shapes of the vocabulary. Browser-safe: no Node imports, so the dashboard, the API, the CLI and the export
// all read the same labels and messages.

export type Lang = 'zh' | 'en';
export const languages: readonly Lang[] = ['zh', 'en'];

/** A label in every language. */
export interface Term {
  zh: string;
  en: string;
}

/**
 * A message with named parameters: `{name}` is replaced by params.name, `{name:rate}` formats a 0–1 share as a
 * percentage with one decimal, `{name:count}` as a whole number, `{name:num}` with up to two decimals,
 * `{name:date}` as YYYY-MM-DD. Parameters the template names but params lacks render as "—".
 */
export type Template = Term;

/** Groups of codes → labels. */
export type TermGroup = Record<string, Term>;

export type Params = Record<string, unknown>;
