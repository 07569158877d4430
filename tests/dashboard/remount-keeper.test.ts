// The export panel's last outcome (dashboard/src/features/data/remount-keeper.ts) outlives a remount by new figures
// (unmount and mount in one turn) and is dropped when the page is left (an unmount with no mount after it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remountKeeper } from '../../dashboard/src/features/data/remount-keeper.ts';

afterEach(() => vi.useRealTimers());

describe('a value kept across a remount', () => {
  it('is still there when the panel mounts again in the same turn, and after later turns', () => {
    vi.useFakeTimers();
    const kept = remountKeeper<string | null>(null);
    kept.mounted();
    kept.set('export.exists');
    kept.unmounted();
    kept.mounted();
    vi.runAllTimers();
    expect(kept.get()).toBe('export.exists');
  });

  it('is dropped when the panel is unmounted and nothing mounts it again this turn', () => {
    vi.useFakeTimers();
    const kept = remountKeeper<string | null>(null);
    kept.mounted();
    kept.set('export.exists');
    kept.unmounted();
    expect(kept.get()).toBe('export.exists'); // until the turn ends
    vi.runAllTimers();
    expect(kept.get()).toBeNull();
    kept.mounted();
    expect(kept.get()).toBeNull();
  });

  it('is dropped after a remount followed by leaving the page', () => {
    vi.useFakeTimers();
    const kept = remountKeeper(0);
    kept.set(7);
    kept.unmounted();
    kept.mounted();
    kept.unmounted();
    vi.runAllTimers();
    expect(kept.get()).toBe(0);
  });
});
