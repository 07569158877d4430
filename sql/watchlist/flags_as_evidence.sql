-- @produces: the chosen flags of one region with their evidence records, as a watchlist entry's evidence
-- @source: flags, flag_evidence
-- @params: $region_code VARCHAR, $flag_ids JSON text of a list of flag ids (flags of other regions are left out, and reported missing)
SELECT f.flag_id, f.rule_id, f.year, f.severity, f.numbers,
       coalesce(list({'dataset': e.dataset, 'record_id': e.record_id, 'file_name': e.file_name, 'line': CAST(e.line AS INTEGER), 'load_id': CAST(e.load_id AS INTEGER)}
                     ORDER BY e.dataset, e.load_id, e.line) FILTER (WHERE e.flag_id IS NOT NULL), []) AS records
FROM flags AS f
LEFT JOIN flag_evidence AS e ON e.flag_id = f.flag_id
WHERE f.region_code = $region_code AND list_contains(from_json($flag_ids, '["VARCHAR"]'), f.flag_id)
GROUP BY ALL
ORDER BY f.flag_id;
