// Values paired with their place in a list, for React keys where the place is the identity: a preview cell's column,
// a source line, the n-th reason of an entry (lists rendered as they come, never reordered or edited in place).
export function positions<T>(values: readonly T[]): { at: number; value: T }[] {
  return values.map((value, at) => ({ at, value }));
}
