// A failed action's message kept on screen, worded when shown: the error itself is kept, so the message follows the
// language toggle like the rest of the page (worded when the request failed, it stayed in that moment's language).
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

/** Like useState for an error: set it to what was thrown (or null to clear it), read the words in the page's language. */
export function useErrorState(): [string | null, (error: unknown) => void] {
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  return [error === null || error === undefined ? null : errorText(error, lang), setError];
}
