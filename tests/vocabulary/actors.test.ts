// Who did something, in the page's language: every kind of actor the product stores (pipeline/vocabulary/actor.ts)
// renders as words of the language asked for, except a person's account name, which is a data value. The system
// actors are read from the pipeline's source, so a new one cannot be stored without being rendered. The browser scan
// met the schedule's runs ("scheduler") only when a run happened to start during it; this checks them every time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPerson, renderActor } from '../../pipeline/vocabulary/index.ts';
import { hasChinese, latinWords } from './language-rules.ts';

const PIPELINE = join(import.meta.dirname, '../../pipeline');

/** The actor strings the pipeline writes as literals: 'system:<what>', and the scheduler's runs. */
function storedSystemActors(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(PIPELINE, file), 'utf8');
    for (const m of text.matchAll(/'(system:[a-z-]+)'/g)) found.add(m[1]!);
    // the schedule starts its runs as trigger(job, 'scheduled', '<actor>', …)
    for (const m of text.matchAll(/trigger\([^,]+, 'scheduled', '([^']+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('actors in either language', () => {
  const actors = [...storedSystemActors(), 'cli', 'cli:root', 'user:wang.analyst'];

  it('finds the actors the pipeline stores, the schedule among them', () => {
    expect(actors).toEqual(expect.arrayContaining(['scheduler', 'system:refresh', 'system:demo']));
  });

  it.each(actors)(
    'renders %s in Chinese with no Latin word but a data value, and in English with no Chinese',
    (actor) => {
      const zh = renderActor(actor, 'zh');
      const en = renderActor(actor, 'en');
      // a person's name, and the operating-system account a command ran as, are data values
      const values = isPerson(actor) || actor.startsWith('cli:') ? [actor.split(':')[1]!] : [];
      const words = (text: string) => values.reduce((t, v) => t.split(v).join(' '), text);
      expect(latinWords(words(zh)), zh).toEqual([]);
      expect(hasChinese(words(en)), en).toBe(false);
      if (!isPerson(actor)) expect(zh).not.toBe(en);
    },
  );
});
