-- @produces: the load log as a provincial office may see it: only the loads that brought rows of its regions
--            (in any dataset with a region_code; superseded rows count, they were loaded), newest first. The
--            counts are its own rows (loaded = rows of the province, superseded = those of them replaced since);
--            the file's totals, rejects and message are left out (NULL): they describe every province in the file;
--            so is who uploaded it (a central account's name).
-- @params: $limit INTEGER, $province VARCHAR (6 digits ending 0000),
--          $tables VARCHAR[] (the history tables of the datasets that carry region_code, from the contracts)
WITH mine AS (
  SELECT _load_id AS load_id, count(*) AS loaded, count(*) FILTER (WHERE _superseded_by IS NOT NULL) AS superseded
  FROM query_table($tables, true)
  WHERE substr(region_code, 1, 2) || '0000' = $province
  GROUP BY _load_id
)
SELECT l.load_id, l.file_name, l.dataset, l.format, l.encoding, l.source, NULL::VARCHAR AS loaded_by, l.status, NULL::BIGINT AS records, m.loaded,
       NULL::BIGINT AS rejected, m.superseded, strftime(l.started_at, '%Y-%m-%d %H:%M:%S') AS started_at, l.total_ms,
       NULL::VARCHAR AS message, NULL::VARCHAR AS message_code, NULL::VARCHAR AS message_params
FROM load_log AS l JOIN mine AS m USING (load_id)
ORDER BY l.load_id DESC LIMIT $limit;
