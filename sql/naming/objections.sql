-- @produces: the objections received on a round's candidates, with the file and line each came from
-- @params: $round VARCHAR, $province VARCHAR or NULL
SELECT o.objection_id, o.region_code, a.region_name, strftime(o.received_on, '%Y-%m-%d') AS received_on, o.summary,
       o.handling, strftime(o.handled_on, '%Y-%m-%d') AS handled_on, o.handling_note, l.file_name, o._line AS line
FROM naming_objections AS o
LEFT JOIN naming_applications AS a ON a.round_id = o.round_id AND a.region_code = o.region_code
LEFT JOIN load_log AS l ON l.load_id = o._load_id
WHERE o.round_id = $round AND ($province IS NULL OR substr(o.region_code, 1, 2) || '0000' = $province)
ORDER BY o.received_on, o.objection_id;
