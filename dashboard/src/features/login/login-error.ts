// What the login form says when a login is refused, in the user's language: a lock-out (429, too many failed
// logins) says how long it lasts, from the server's Retry-After; anything else is the one "wrong name or password"
// (the server does not say which, nor whether the account exists).
import { ApiError } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/zh.ts';

export function loginErrorText(err: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string) {
  if (err instanceof ApiError && (err.code === 'too_many_requests' || err.status === 429)) {
    return err.retryAfter === undefined
      ? t('error.too_many_requests.later')
      : t('error.too_many_requests', { seconds: err.retryAfter });
  }
  return t('auth.failed');
}
