// What the login form says when a login is refused, in the user's language: a lock-out (429, too many failed
// logins) says how long it lasts (the error's `seconds`, else the Retry-After header), in the words of the one
// vocabulary (pipeline/vocabulary, `login_throttled`); anything else is the one "wrong name or password" (the server
// does not say which, nor whether the account exists).
import { type Lang, renderError } from '../../../../pipeline/vocabulary/index.ts';
import { ApiError } from '../../api/client.ts';

export function loginErrorText(err: unknown, lang: Lang, wrongPassword: string): string {
  if (err instanceof ApiError && err.status === 429) {
    const seconds = err.params?.seconds ?? err.retryAfter;
    return seconds === undefined
      ? renderError('too_many_requests', {}, lang)
      : renderError('login_throttled', { seconds }, lang);
  }
  return wrongPassword;
}
