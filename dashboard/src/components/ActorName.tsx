// Who did something, in the page's language: a system process in words, a person's account by its name, which is a
// data value (translate="no": the same in either language, and left alone by the language scan and by translators).
import { useI18n } from '../i18n/index.tsx';
import { actorName, isPerson } from './actor.ts';

export function ActorName({ actor }: { actor: unknown }) {
  const { lang } = useI18n();
  return <span translate={isPerson(actor) ? 'no' : undefined}>{actorName(actor, lang)}</span>;
}
