// One way an instant becomes the Beijing time the product shows (the export's generation time, the schedule's next
// runs, the CLI's job log), whatever the time zone of the machine.
import { describe, expect, it } from 'vitest';
import { beijingMinute } from '../../pipeline/vocabulary/index.ts';

describe('beijingMinute', () => {
  it('shows an instant in UTC, with an offset, or as a Date as Beijing civil time to the minute', () => {
    expect(beijingMinute('2025-12-31T16:05:59Z')).toBe('2026-01-01 00:05');
    expect(beijingMinute('2026-03-01T09:00:00-05:00')).toBe('2026-03-01 22:00');
    expect(beijingMinute(new Date(Date.UTC(2026, 9, 9, 1, 0)))).toBe('2026-10-09 09:00');
  });
});
