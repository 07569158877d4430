-- @produces: load_file_stats, what the loader last saw of a file it holds: its path, size and modification time
-- beside the content hash and the load that holds that content. The inbox job skips a file whose path, size and
-- modification time are unchanged without reading or hashing it (pipeline/load/ingest.ts); when any differs the
-- file is hashed, and the hash decides as before (the same content again is still skipped, then remembered here).
CREATE TABLE IF NOT EXISTS load_file_stats (
  file_path     VARCHAR PRIMARY KEY,   -- absolute, as load_log.file_path
  file_size     BIGINT NOT NULL,       -- bytes
  file_mtime_ns BIGINT NOT NULL,       -- modification time, nanoseconds since the epoch
  sha256        VARCHAR NOT NULL,
  dataset       VARCHAR NOT NULL,
  load_id       BIGINT NOT NULL,       -- the load_log row that holds this content
  seen_at       TIMESTAMP NOT NULL
);
