-- @id: enforcement.publish_20wd
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Set-based: deadlines come from workday_deadlines(20) (sql/macros/calendar.sql), joined by decided_on.
INSERT INTO metric_results BY NAME
WITH judged AS (
  SELECT
    e.region_code,
    year(e.decided_on) AS year,
    e.case_id, e._load_id, e._line,
    d.provisional,
    coalesce(e.published_on <= d.due_on, false) AS on_time
  FROM enforcement_decisions AS e
  JOIN workday_deadlines(20) AS d ON d.day = e.decided_on
  CROSS JOIN refresh_context AS c
  WHERE e.action_type NOT IN ('license', 'penalty')
    AND (e.published_on IS NOT NULL OR d.due_on < c.as_of)
)
SELECT
  'enforcement.publish_20wd' AS metric_id,
  region_code,
  year,
  count(*) FILTER (WHERE on_time) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  bool_or(provisional) AS provisional,
  count(*) FILTER (WHERE NOT on_time) AS evidence_count,
  list_slice(list({'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE NOT on_time), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year;
