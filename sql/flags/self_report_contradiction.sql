-- @rule: self_report_contradiction
-- @version: 1
-- @source: annual_reports (stated figures), litigation_cases, disclosure_requests, enforcement_decisions, indicator_values
-- @fires: a figure an annual report states differs from the count of the case-level records by more than 10% of the
--         count and by at least 3 records. A screening signal for possible false materials (摘牌 ground 2) that an
--         analyst must review — never a ground by itself. Only regions that sent case-level records of that kind
--         (in any year) are compared, so a dataset not yet loaded is not mistaken for a contradiction
-- @severity: medium
INSERT INTO flag_candidates BY NAME
WITH counted AS (
  SELECT region_code, year(concluded_on) AS year, 'litigation_lost' AS field, count(*) FILTER (WHERE outcome = 'lost') AS n
  FROM litigation_cases WHERE concluded_on IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT region_code, year(concluded_on), 'litigation_concluded', count(*)
  FROM litigation_cases WHERE concluded_on IS NOT NULL GROUP BY ALL
  UNION ALL
  SELECT region_code, year(received_on), 'disclosure_requests', count(*) FROM disclosure_requests GROUP BY ALL
  UNION ALL
  SELECT region_code, year, 'disclosure_answered_on_time', numerator FROM indicator_values
  WHERE run_id = (SELECT run_id FROM refresh_context) AND metric_id = 'disclosure.answered_on_time' AND numerator IS NOT NULL
  UNION ALL
  SELECT region_code, year(decided_on), 'enforcement_decisions', count(*) FROM enforcement_decisions GROUP BY ALL
),
senders AS (
  SELECT DISTINCT region_code, CASE WHEN field LIKE 'litigation%' THEN 'litigation' WHEN field LIKE 'disclosure%' THEN 'disclosure' ELSE 'enforcement' END AS kind
  FROM counted
),
stated AS (
  UNPIVOT (SELECT region_code, CAST(report_year AS INTEGER) AS year, _load_id, _line, litigation_lost, litigation_concluded,
                  disclosure_requests, disclosure_answered_on_time, enforcement_decisions FROM annual_reports)
  ON litigation_lost, litigation_concluded, disclosure_requests, disclosure_answered_on_time, enforcement_decisions
  INTO NAME field VALUE stated
),
compared AS (
  SELECT s.*, coalesce(c.n, 0) AS counted, s.stated - coalesce(c.n, 0) AS diff
  FROM stated AS s
  JOIN senders AS k ON k.region_code = s.region_code
    AND k.kind = CASE WHEN s.field LIKE 'litigation%' THEN 'litigation' WHEN s.field LIKE 'disclosure%' THEN 'disclosure' ELSE 'enforcement' END
  LEFT JOIN counted AS c ON c.region_code = s.region_code AND c.year = s.year AND c.field = s.field
  WHERE abs(s.stated - coalesce(c.n, 0)) > 0.10 * coalesce(c.n, 0) AND abs(s.stated - coalesce(c.n, 0)) >= 3
),
lost_cases AS (
  -- for the stated losses, the counted lost cases themselves, so the analyst can check the count
  SELECT region_code, year(concluded_on) AS year,
    list_slice(list({'dataset': 'litigation_cases', 'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line), 1, 49) AS cases
  FROM litigation_cases WHERE outcome = 'lost' AND concluded_on IS NOT NULL GROUP BY ALL
)
SELECT
  'self_report_contradiction' AS rule_id, 1 AS rule_version, m.region_code, m.year, 'annual_reports.' || m.field AS detail_key,
  'medium' AS severity,
  json_object('year', m.year, 'field', m.field, 'stated', m.stated, 'counted', m.counted, 'difference', m.diff) AS numbers,
  1 + CASE WHEN m.field = 'litigation_lost' THEN m.counted ELSE 0 END AS evidence_count,
  [{'dataset': 'annual_reports', 'record_id': m.region_code || '|' || m.year, 'load_id': m._load_id, 'line': m._line}]
    || CASE WHEN m.field = 'litigation_lost' THEN coalesce(l.cases, []) ELSE [] END AS evidence
FROM compared AS m
LEFT JOIN lost_cases AS l ON l.region_code = m.region_code AND l.year = m.year;
