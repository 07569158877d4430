// Rivest's consistent sampler (https://github.com/ron-rivest/consistent_sampler, as used by the Arlo
// risk-limiting-audit software), sampling without replacement. Pure: no database, no clock, no Math.random.
// Every byte that goes into a hash is spelled out here because a member of the public must be able to redo it
// with nothing but the published pool file and the seed.
import { createHash } from 'node:crypto';

export const PROTOCOL_VERSION = 'shifan-spotcheck/1 (Rivest consistent sampler, SHA-256)';

export const PROTOCOL_TEXT = [
  'seed_hash = lowercase hex SHA-256 of the UTF-8 seed.',
  'ticket(x) = "0." followed by the decimal digits of SHA-256(UTF-8(seed_hash + x)) read as a 256-bit unsigned',
  'integer, left-padded with zeros to at least 64 digits, then reversed (low-order digits first).',
  'Order the ids by ticket ascending, comparing the ticket strings character by character; take the first k.',
  'Ids are 6-digit region codes; with strata, each stratum is ordered and cut separately.',
  'Inspectors: for a selected region r, order inspectors by ticket(r + "|" + inspector_id) and take the first m',
  'who are not from the province of r and are below their load cap; regions are served in draw order.',
].join(' ');

export interface Ticketed {
  id: string;
  ticket: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256_uniform of the reference implementation: the SHA-256 of `text` as a decimal fraction in (0, 1).
 * The decimal digits are reversed because the high-order digits of a 256-bit number written in decimal are
 * biased (the top digit is rarely above 1); the low-order ones are uniform. Nothing is lost by reversing.
 */
export function uniformOf(text: string): string {
  const digits = BigInt(`0x${sha256Hex(text)}`)
    .toString(10)
    .padStart(64, '0');
  return `0.${[...digits].reverse().join('')}`;
}

export function seedHashOf(seed: string): string {
  return sha256Hex(seed);
}

/** The ticket of one id under a seed (first_fraction in the reference implementation). */
export function ticketOf(seedHash: string, id: string): string {
  return uniformOf(seedHash + id);
}

/**
 * Plain string comparison, as the reference implementation sorts its tickets. Ties between distinct ids need
 * a SHA-256 collision; the id comparison after it only keeps the order total.
 */
export function compareTicketed(a: Ticketed, b: Ticketed): number {
  if (a.ticket !== b.ticket) return a.ticket < b.ticket ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The ids in draw order with their tickets; `take` keeps the first k. Duplicate ids are refused because the
 * reference implementation refuses them and a duplicate in a published pool would mean a region counted twice.
 */
export function sample(ids: readonly string[], seed: string, take?: number): Ticketed[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) (seen.has(id) ? dupes : seen).add(id);
  if (dupes.size > 0) throw new Error(`the pool lists these ids more than once: ${[...dupes].sort().join(', ')}`);
  if (take !== undefined && (!Number.isInteger(take) || take < 0))
    throw new Error(`take must be a whole number >= 0, got ${take}`);
  const seedHash = seedHashOf(seed);
  const ordered = ids.map((id) => ({ id, ticket: ticketOf(seedHash, id) })).sort(compareTicketed);
  return take === undefined ? ordered : ordered.slice(0, take);
}

/** The ticket cut to `digits` significant digits after any leading 9s, as the reference prints it (truncated). */
export function shortTicket(ticket: string, digits = 9): string {
  const rest = ticket.slice(2);
  const nines = rest.length - rest.replace(/^9+/, '').length;
  return ticket.slice(0, 2 + nines + digits);
}
