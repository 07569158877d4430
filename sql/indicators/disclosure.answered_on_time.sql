-- @id: disclosure.answered_on_time
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
-- Deadlines from workday_deadlines(20) and (40) (sql/macros/calendar.sql), joined by received_on.
WITH deadline AS (
  SELECT d20.day, d20.due_on AS due20, d40.due_on AS due40, d20.provisional AS provisional20, d40.provisional AS provisional40
  FROM workday_deadlines(20) AS d20 JOIN workday_deadlines(40) AS d40 USING (day)
),
judged AS (
  SELECT
    r.region_code, year(r.received_on) AS year, r.request_id, r._load_id, r._line,
    CASE WHEN r.extended THEN d.due40 ELSE d.due20 END AS due_on,
    CASE WHEN r.extended THEN d.provisional40 ELSE d.provisional20 END AS provisional,
    coalesce(r.answered_on <= due_on, false) AS on_time
  FROM disclosure_requests AS r
  JOIN deadline AS d ON d.day = r.received_on
  CROSS JOIN refresh_context AS c
  WHERE r.answered_on IS NOT NULL OR (CASE WHEN r.extended THEN d.due40 ELSE d.due20 END) < c.as_of
)
SELECT
  'disclosure.answered_on_time' AS metric_id,
  region_code,
  year,
  count(*) FILTER (WHERE on_time) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  bool_or(provisional) AS provisional,
  count(*) FILTER (WHERE NOT on_time) AS evidence_count,
  list_slice(list({'record_id': request_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE NOT on_time), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year;
