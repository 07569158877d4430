-- @produces: load_file_stats row of a file whose content a load holds (loaded now, or skipped as the same content)
-- @params: $file_path, $file_size, $file_mtime_ns, $sha256, $dataset, $load_id
INSERT OR REPLACE INTO load_file_stats (file_path, file_size, file_mtime_ns, sha256, dataset, load_id, seen_at)
VALUES ($file_path, CAST($file_size AS BIGINT), CAST($file_mtime_ns AS BIGINT), $sha256, $dataset, $load_id,
        current_localtimestamp());
