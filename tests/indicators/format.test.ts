// A value beside its threshold is printed with the decimals that tell the two apart, so a miss never reads as the
// threshold's own figure ("13.0%（3/23）未达标，标准≤13.0%" was issue 12's example).
import { describe, expect, it } from 'vitest';
import { directionSign, formatAgainst } from '../../pipeline/vocabulary/against.ts';

describe('a value beside its threshold', () => {
  it('is printed with the decimals that tell it from the threshold (3/23 against ≤ 13.0% is 13.04%)', () => {
    expect(formatAgainst(3 / 23, 0.13, 'rate')).toBe('13.04%');
    expect(formatAgainst(0.13, 0.13, 'rate')).toBe('13.0%');
    expect(formatAgainst(0.5, 0.13, 'rate')).toBe('50.0%');
    expect(formatAgainst(0.13001, 0.13, 'rate')).toBe('13.001%');
    expect(formatAgainst(15.004, 15, 'workdays')).toBe('15.004');
    expect(formatAgainst(16, 15, 'workdays')).toBe('16');
    expect(formatAgainst(0.5, null, 'rate')).toBe('50.0%');
  });

  it('writes the sign the direction gives', () => {
    expect([directionSign('higher'), directionSign('lower'), directionSign('equal')]).toEqual(['≥', '≤', '=']);
  });
});
