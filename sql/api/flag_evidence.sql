-- @produces: the stored evidence records of one flag: dataset, record id, file, line, load (for drill-down)
-- @params: $flag_id VARCHAR
SELECT e.dataset, e.record_id, e.file_name AS file, e.line, e.load_id, e.run_id
FROM flag_evidence AS e
WHERE e.flag_id = $flag_id
ORDER BY e.dataset, e.load_id, e.line, e.record_id;
