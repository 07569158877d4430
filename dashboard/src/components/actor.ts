// Who did something, as people read it: the audit trail stores "user:analyst", "system:refresh", "cli:…"; the
// page shows the account name, or what the system process was.
import type { I18n } from '../i18n/index.tsx';

export function actorName(actor: unknown, t: I18n['t']): string {
  const s = String(actor ?? '');
  if (s === '') return '—';
  const [kind, ...rest] = s.split(':');
  const name = rest.join(':');
  if (kind === 'user' || kind === 'analyst') return name || s;
  if (kind === 'system') return name === 'refresh' ? t('actor.refresh') : t('actor.system');
  if (kind === 'cli') return name ? t('actor.cliNamed', { name }) : t('actor.cli');
  return s;
}

/** Whether an actor is a person's account: its name is a data value, the same in either language. */
export const isPerson = (actor: unknown) => /^(user|analyst):./.test(String(actor ?? ''));
