-- @produces: the stored evidence of the flags of a year (active only unless $all): record ids with file and line
-- @params: $year INTEGER or NULL, $all BOOLEAN
SELECT e.flag_id, e.dataset, e.record_id, e.file_name, e.line, e.load_id, e.run_id
FROM flag_evidence AS e
JOIN flags AS f ON f.flag_id = e.flag_id
WHERE ($year IS NULL OR f.year = $year) AND ($all OR f.status = 'active')
ORDER BY e.flag_id, e.file_name, e.line;
