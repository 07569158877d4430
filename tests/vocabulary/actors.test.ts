// Who did something, in the page's language: every kind of actor the product stores (pipeline/vocabulary/actor.ts)
// renders as words of the language asked for, except a person's account name, which is a data value. The actors are
// read from the pipeline's source: every string or template literal that starts with an actor kind and a colon
// (system:, job:, address:, cli:, user:), its ${…} parts filled with sample actors, and the schedule's own. An actor
// built some other way (from parts in variables) escapes this scan. The browser scan met the schedule's runs
// ("scheduler") only when a run happened to start during it; this checks them every time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPerson, renderActor } from '../../pipeline/vocabulary/index.ts';
import { hasChinese, latinWords } from './language-rules.ts';

const PIPELINE = join(import.meta.dirname, '../../pipeline');

/** The actor strings the pipeline writes as literals, with sample values in their ${…} parts. */
function storedSystemActors(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith('vocabulary/')) continue;
    const text = readFileSync(join(PIPELINE, file), 'utf8');
    for (const m of text.matchAll(/[`'"]((?:system|job|address|cli|user|analyst):[^`'"\n]*)[`'"]/g)) {
      const literal = m[1]!;
      // a placeholder stands for who started a job, a visitor's address, or a name
      const kind = literal.slice(0, literal.indexOf(':'));
      const samples =
        kind === 'job' ? ['scheduler', 'user:wang.analyst'] : kind === 'address' ? ['127.0.0.1'] : ['wang'];
      for (const sample of samples) found.add(literal.replace(/\$\{[^}]*\}/g, sample));
    }
    // the schedule starts its runs as trigger(job, 'scheduled', '<actor>', …)
    for (const m of text.matchAll(/trigger\([^,]+, 'scheduled', '([^']+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('actors in either language', () => {
  const actors = [...storedSystemActors(), 'cli', 'cli:root', 'user:wang.analyst'];

  it('finds the actors the pipeline stores, the schedule among them', () => {
    expect(actors).toEqual(
      expect.arrayContaining(['scheduler', 'system:refresh', 'system:demo', 'job:refresh (scheduler)']),
    );
  });

  it.each(actors)(
    'renders %s in Chinese with no Latin word but a data value, and in English with no Chinese',
    (actor) => {
      const zh = renderActor(actor, 'zh');
      const en = renderActor(actor, 'en');
      // a person's name, and the operating-system account a command ran as, are data values
      const values = isPerson(actor) || /^(cli|address):/.test(actor) ? [actor.slice(actor.indexOf(':') + 1)] : [];
      const words = (text: string) => values.reduce((t, v) => t.split(v).join(' '), text);
      expect(latinWords(words(zh)), zh).toEqual([]);
      expect(hasChinese(words(en)), en).toBe(false);
      if (!isPerson(actor)) expect(zh).not.toBe(en);
    },
  );
});
