-- @id: disclosure.answered_on_time
-- @indicator_no: 81
-- @source: disclosure_requests, calendar_days
-- @rule: requests answered on or before workdays_add(received_on, 20) (40 when extended) / requests, by year of
--        received_on; unanswered and past the deadline is late; unanswered and not yet due is left out;
--        provisional when received_on or the deadline lies in a year without a published calendar
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
WITH deadline AS (
  SELECT s.day, d20.day AS due20, d40.day AS due40,
    NOT (s.published AND d20.published) AS provisional20, NOT (s.published AND d40.published) AS provisional40
  FROM calendar_days AS s
  JOIN calendar_days AS d20 ON d20.is_workday AND d20.workday_seq = s.workday_seq + 20
  JOIN calendar_days AS d40 ON d40.is_workday AND d40.workday_seq = s.workday_seq + 40
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
