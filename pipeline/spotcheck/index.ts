// The yearly spot check (回访抽查): pool, draw, inspectors, certificate, verification, findings.
// sampler.ts is pure and is all a public verifier needs; the rest works on the database.
export {
  PROTOCOL_VERSION,
  PROTOCOL_TEXT,
  sample,
  ticketOf,
  seedHashOf,
  uniformOf,
  sha256Hex,
  shortTicket,
  compareTicketed,
  type Ticketed,
} from './sampler.ts';
export {
  allocate,
  allocationBeforeSeed,
  hamilton,
  hamiltonParts,
  inclusionProbabilities,
  inclusionProbability,
  stratumTicket,
  totalFor,
  parseProportion,
  describeSize,
  ALLOCATION_RULES,
  ALLOCATION_RULE_TEXT,
  type AllocationRule,
  type SampleSize,
} from './allocation.ts';
export {
  freezePool,
  readPool,
  poolFileText,
  poolSha256,
  strataFileText,
  parsePoolFile,
  parseExclusions,
  parseStrata,
  STRATA,
  EXCLUSIONS,
  DEFAULT_EXCLUSIONS,
  type Strata,
  type Exclusion,
  type PoolMember,
  type FrozenPool,
} from './pool.ts';
export { computeSelection, type Selected, type SelectionResult } from './selection.ts';
export {
  assignInspectors,
  importInspectors,
  provinceOf,
  DEFAULT_TEAM_SIZE,
  InspectorShortageError,
  type PoolInspector,
  type Assignment,
} from './inspectors.ts';
export {
  drawSpotcheck,
  commitDraw,
  redraw,
  addRiskTargeted,
  checkSeed,
  MIN_SEED_DIGITS,
  type DrawInput,
  type RedrawInput,
} from './draw.ts';
export { readDraw, listDraws, DrawNotFoundError, type DrawRecord, type DrawRow, type SelectedRegion } from './read.ts';
export { verifyDraw, type DrawVerification, type Check } from './verify.ts';
export { buildCertificate, writeCertificate } from './certificate.ts';
export {
  ensureFindingsView,
  findingsByDraw,
  findingsBelowBar,
  FALLBACK_MIN_SHARE_MET,
  type YearBar,
  type LinkedFinding,
  type BelowBar,
  type FindingLink,
} from './findings.ts';
