-- @produces: active annual-report flags for a report year, counted by rule (the 1 February check)
-- @params: $year INTEGER
SELECT rule_id, count(*) AS n
FROM flags
WHERE status = 'active' AND year = $year AND rule_id IN ('report_missing', 'report_late')
GROUP BY rule_id;
