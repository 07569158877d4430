// What a password must be before it is hashed: at least 10 characters, at least 5 different characters, and not
// easy to guess by zxcvbn-ts (score 3 of 4 or more: ~10^8 guesses, beyond an online attack even without the login
// throttle) over its common-password, name and word lists, keyboard patterns, repeats, sequences and dates, with
// the username and the product's own names as extra words. Refusals say why, in Chinese first (the office's
// language), then in English for the command line's log.
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';

import { MIN_LENGTH } from './password-length.ts';

export { MIN_LENGTH };
export const MIN_DISTINCT = 5;
/** zxcvbn's score, 0–4: 3 = "safely unguessable: moderate protection from offline slow-hash scenario" */
export const MIN_SCORE = 3;

const PRODUCT_WORDS = ['shifan', 'shifan123', '示范', 'fazhi', 'zhengfu', 'admin', 'central', 'provincial'];

let zxcvbn: ZxcvbnFactory | undefined;
/** Loaded on the first password checked, not with every module that imports the users (the server's start):
 *  the word lists take 0.1 s of CPU to load. Required, so that checkPassword stays synchronous. */
function estimator(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const require = createRequire(import.meta.url);
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as { ZxcvbnFactory: typeof ZxcvbnFactory };
  const common = require('@zxcvbn-ts/language-common') as typeof Common;
  zxcvbn = new Factory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return zxcvbn;
}

/** zxcvbn's warning keys → why, in Chinese and English. */
const REASONS: Record<string, [string, string]> = {
  topTen: ['这是最常用的密码之一', 'it is one of the most common passwords'],
  topHundred: ['这是最常用的密码之一', 'it is one of the most common passwords'],
  common: ['这是常用密码', 'it is a common password'],
  similarToCommon: ['与常用密码相近', 'it is close to a common password'],
  pwned: ['该密码曾在泄露事件中出现', 'it appeared in a data breach'],
  simpleRepeat: ['含有重复字符（如 aaa）', 'it repeats characters (like aaa)'],
  extendedRepeat: ['含有重复的片段（如 abcabc）', 'it repeats a pattern (like abcabc)'],
  sequences: ['含有连续序列（如 abcd、1234）', 'it is a sequence (like abcd or 1234)'],
  straightRow: ['是键盘上连成一行的按键', 'it is a row of keys on the keyboard'],
  keyPattern: ['是键盘上的按键图案', 'it is a keyboard pattern'],
  recentYears: ['含有近年的年份', 'it contains a recent year'],
  dates: ['含有日期', 'it contains a date'],
  wordByItself: ['是单个常用词', 'it is a single common word'],
  namesByThemselves: ['是常见姓名', 'it is a common name'],
  commonNames: ['含有常见姓名', 'it contains a common name'],
  userInputs: ['含有用户名或本系统的名称', 'it contains the username or the name of this system'],
};

export class WeakPasswordError extends Error {
  override name = 'WeakPasswordError';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}（${en}）`);
  }
}

/** Throws WeakPasswordError saying why, or returns when the password may be used. */
export function checkPassword(password: string, username?: string): void {
  const chars = [...password];
  const advice = [
    '请使用更长、更难猜的密码，例如由几个不相关的词组成的短语',
    'use a longer, less guessable one, such as a phrase of a few unrelated words',
  ];
  if (chars.length < MIN_LENGTH) {
    throw new WeakPasswordError(
      `密码太短：至少需要 ${MIN_LENGTH} 个字符，现在只有 ${chars.length} 个。${advice[0]}`,
      `password too short: at least ${MIN_LENGTH} characters, got ${chars.length}; ${advice[1]}`,
    );
  }
  const distinct = new Set(chars).size;
  if (distinct < MIN_DISTINCT) {
    throw new WeakPasswordError(
      `密码字符变化太少：只用了 ${distinct} 种不同的字符，至少需要 ${MIN_DISTINCT} 种。${advice[0]}`,
      `password too uniform: only ${distinct} different characters, at least ${MIN_DISTINCT} needed; ${advice[1]}`,
    );
  }
  const result = estimator().check(password, username ? [username, ...PRODUCT_WORDS] : PRODUCT_WORDS);
  if (result.score < MIN_SCORE) {
    const key = result.feedback.warning ?? '';
    const [zh, en] = REASONS[key] ?? ['很容易被猜中', 'it is easy to guess'];
    throw new WeakPasswordError(`密码太弱：${zh}。${advice[0]}`, `password too weak: ${en}; ${advice[1]}`);
  }
}
