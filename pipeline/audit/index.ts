// The audit log: an append-only hash chain of every state change. See README.md for the entry format.
export { appendAudit, cliActor, readAuditLog, verifyAuditLog, type AuditInput } from './log.ts';
export {
  verifyChain,
  entryHash,
  hashedContent,
  GENESIS_HASH,
  type AuditEntry,
  type ChainReport,
  type ChainBreak,
  type BreakKind,
} from './chain.ts';
export { canonicalJson, type JsonValue } from './canonical-json.ts';
