// What a panel just said, kept across a remount of the panel but not past a visit elsewhere.
// New figures remount the page (App.tsx keys it by the refresh, e.g. the automatic refresh after an upload): the
// panel unmounts and mounts again in one commit, and an export's package or refusal the user is reading must still be
// there. Leaving the page unmounts it for good: the value is dropped once the turn ends without a new mount, so coming
// back later shows a fresh panel, not an old refusal.

export interface RemountKeeper<T> {
  get(): T;
  set(value: T): void;
  /** Call when the panel mounts: a drop scheduled by the unmount just before (a remount) is cancelled. */
  mounted(): void;
  /** Call when the panel unmounts: the value is dropped at the end of this turn unless the panel mounts again. */
  unmounted(): void;
}

export function remountKeeper<T>(empty: T): RemountKeeper<T> {
  let value = empty;
  let dropping: ReturnType<typeof setTimeout> | undefined;
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
    mounted: () => {
      clearTimeout(dropping);
      dropping = undefined;
    },
    unmounted: () => {
      clearTimeout(dropping);
      dropping = setTimeout(() => {
        value = empty;
        dropping = undefined;
      }, 0);
    },
  };
}
