-- @produces: the verbatim text of staged XLSX / JSON Lines rows, by source line ($lines: JSON array of line numbers)
-- @params: $lines VARCHAR
SELECT _line AS line, _raw AS raw
FROM stage
WHERE _line IN (SELECT unnest(from_json($lines, '["BIGINT"]')));
