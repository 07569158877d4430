// Canonical JSON: the one byte string an audit entry hashes to, so that anyone re-serialising the same entry in
// any language gets the same SHA-256. Object keys sorted by UTF-16 code units (JavaScript's default sort, and
// the order RFC 8785 prescribes), recursively; no whitespace; strings and numbers as JSON.stringify writes them
// (non-ASCII left as UTF-8, not \u-escaped). Only finite numbers are accepted; keys whose value is undefined are
// dropped (as JSON.stringify does), so an absent field and an undefined one hash the same.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot carry the number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      throw new Error('canonical JSON cannot carry a bigint; convert it to a number or a string first');
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot carry a ${typeof value}`);
  }
}
