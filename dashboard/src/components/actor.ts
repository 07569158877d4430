// Who did something, as people read it, from the one vocabulary (pipeline/vocabulary/actor.ts): the account's name,
// or what the system process was, in the page's language.
import { isPerson, renderActor } from '../../../pipeline/vocabulary/index.ts';
import type { Lang } from '../../../pipeline/vocabulary/index.ts';

export { isPerson };

export function actorName(actor: unknown, lang: Lang): string {
  return renderActor(actor, lang);
}
