// A failed action's message kept on screen, worded when shown: the error itself is kept, so the message follows the
// language toggle like the rest of the page (worded when the request failed, it stayed in that moment's language).
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { type MessageKey, useI18n } from '../i18n/index.tsx';

/** A message of the page's own words (a form's refusal before any request, an action's outcome): its key and
 *  parameters, worded when shown like an API error. */
export class PageMessage {
  constructor(
    readonly key: MessageKey,
    readonly vars?: Record<string, string | number>,
  ) {}
}

/** Like useState for an error: set it to what was thrown or a PageMessage (or null to clear it), read the words in
 *  the page's language. */
export function useErrorState(initial: unknown = null): [string | null, (error: unknown) => void] {
  const { lang, t } = useI18n();
  const [error, setError] = useState<unknown>(initial);
  if (error === null || error === undefined) return [null, setError];
  return [error instanceof PageMessage ? t(error.key, error.vars) : errorText(error, lang), setError];
}

/** The same for a message that is not a failure (what an action did): set a PageMessage, read its words. */
export const useMessageState = useErrorState;
