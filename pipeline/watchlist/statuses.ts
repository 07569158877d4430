// The watchlist's statuses and the moves allowed between them. A pure module (no database) so that the dashboard
// offers exactly the moves the server accepts.
export type WatchStatus = 'flagged' | 'needs_review' | 'under_review' | 'cleared' | 'revoked';

/** Allowed moves. An integrity signal (is_ground = false) can never be revoked on its own: see setStatus. */
export const TRANSITIONS: Record<WatchStatus, WatchStatus[]> = {
  flagged: ['under_review'],
  needs_review: ['under_review'],
  under_review: ['cleared', 'revoked'],
  cleared: ['under_review'],
  revoked: [],
};

/** The grounds an analyst may enter by hand. Ground 3 (a spot check confirms the region no longer meets the
 *  indicators) comes only from a committed draw's findings (refresh adds it), never from a hand entry. */
export const MANUAL_GROUNDS = [1, 2, 4] as const;
export type ManualGround = (typeof MANUAL_GROUNDS)[number];
