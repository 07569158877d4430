-- @produces: a round's candidate list with each candidate's application, notice, objections and decision
-- @params: $round VARCHAR, $province VARCHAR or NULL
SELECT c.region_code, a.region_name, substr(c.region_code, 1, 2) || '0000' AS province_code, a.kind, a.field,
       a.project_name, c.basis, strftime(c.added_at, '%Y-%m-%dT%H:%M:%S') AS added_at, c.added_by,
       (SELECT count(*) FROM naming_objections AS o WHERE o.round_id = c.round_id AND o.region_code = c.region_code) AS objections,
       (SELECT count(*) FROM naming_objections AS o WHERE o.round_id = c.round_id AND o.region_code = c.region_code
          AND o.handling = 'pending') AS objections_pending,
       (SELECT count(*) FROM naming_objections AS o WHERE o.round_id = c.round_id AND o.region_code = c.region_code
          AND o.handling = 'upheld') AS objections_upheld,
       d.decision, d.reason AS decision_reason, strftime(d.decided_on, '%Y-%m-%d') AS decided_on, d.decided_by,
       d.regions_load_id
FROM naming_candidates AS c
JOIN naming_applications AS a ON a.round_id = c.round_id AND a.region_code = c.region_code
LEFT JOIN naming_decisions AS d ON d.round_id = c.round_id AND d.region_code = c.region_code
WHERE c.round_id = $round AND ($province IS NULL OR substr(c.region_code, 1, 2) || '0000' = $province)
ORDER BY c.region_code;
