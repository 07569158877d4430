-- @produces: the load that holds a file seen before with the same path, size and modification time, if that load
-- is still a successful one (the inbox job's skip before hashing; pipeline/load/ingest.ts)
-- @params: $file_path, $file_size, $file_mtime_ns, $dataset (NULL: any dataset)
SELECT l.load_id, l.file_name, s.dataset
FROM load_file_stats s
JOIN load_log l ON l.load_id = s.load_id
WHERE s.file_path = $file_path
  AND s.file_size = CAST($file_size AS BIGINT)
  AND s.file_mtime_ns = CAST($file_mtime_ns AS BIGINT)
  AND ($dataset IS NULL OR s.dataset = $dataset)
  AND l.status = 'loaded'
  AND l.dataset = s.dataset
  AND l.sha256 = s.sha256;
