export {
  checkFile,
  ingestFile,
  type CheckResult,
  type IngestResult,
  type IngestOptions,
  type IngestStatus,
} from './ingest.ts';
export { ingestPaths, expandPaths, type IngestProgress } from './ingest-paths.ts';
export { terminalProgress } from './progress.ts';
export { rowRejectCodes, fileRefusalCodes } from './reject-codes.ts';
