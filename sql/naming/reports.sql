-- @produces: a round's self-assessment reports (without their text unless $with_text), or those whose text
--            contains $search
-- @params: $round VARCHAR, $province VARCHAR or NULL, $search VARCHAR or NULL, $with_text BOOLEAN
SELECT n.round_id, n.region_code, a.region_name, n.file_name, n.format, n.bytes, n.sha256,
       CASE WHEN $with_text THEN n.text END AS text, length(n.text) AS characters,
       strftime(n.loaded_at, '%Y-%m-%dT%H:%M:%S') AS loaded_at, n.loaded_by
FROM naming_reports AS n
LEFT JOIN naming_applications AS a ON a.round_id = n.round_id AND a.region_code = n.region_code
WHERE n.round_id = $round
  AND ($province IS NULL OR substr(n.region_code, 1, 2) || '0000' = $province)
  AND ($search IS NULL OR contains(n.text, $search))
ORDER BY n.region_code, n.loaded_at;
