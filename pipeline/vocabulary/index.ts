// The one vocabulary: every code the product shows (statuses, grounds, rules, severities, states, roles, reject
// and error codes, datasets, columns and their values) with its label in Chinese and English, and the message
// templates with named parameters. Browser-safe: the dashboard imports it as the API, CLI and export do.
import type { Lang } from './types.ts';
import { groupLabel } from './render.ts';

export * from './types.ts';
export * from './terms.ts';
export * from './render.ts';
export * from './contract.ts';
export * from './flag-messages.ts';
export * from './naming-messages.ts';
export * from './cli.ts';
export * from './watch-messages.ts';
export * from './risk-messages.ts';
export * from './rejects.ts';
export * from './errors.ts';
export * from './against.ts';
export * from './column-rules.ts';
export * from './actor.ts';
export * from './job-messages.ts';
export * from './balance-checks.ts';

/** `label('watchStatus', 'flagged', 'zh')` → 已列入; an unknown code shows itself. */
export function label(group: string, code: unknown, lang: Lang): string {
  return groupLabel(group, code, lang);
}

/** The CLI's language: `--lang`, else LANG / LC_ALL starting with "en", else Chinese. */
export function langFrom(option: string | undefined, env: Record<string, string | undefined> = {}): Lang {
  if (option === 'en' || option === 'zh') return option;
  const locale = env.SHIFAN_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^en/i.test(locale) ? 'en' : 'zh';
}
