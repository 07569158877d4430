-- @id: litigation.head_appearance
-- @indicator_no: 73
-- @source: litigation_cases
-- @rule: major or public-interest cases (is_major) concluded in the year with head_appeared = true / such cases,
--        by year of concluded_on (the appearance is only settled once the case is); empty head_appeared = not appeared
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
SELECT
  'litigation.head_appearance' AS metric_id,
  region_code,
  year(concluded_on) AS year,
  count(*) FILTER (WHERE head_appeared) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE head_appeared IS NOT TRUE) AS evidence_count,
  list_slice(list({'record_id': case_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE head_appeared IS NOT TRUE), 1, 50) AS evidence
FROM litigation_cases
WHERE concluded_on IS NOT NULL AND is_major
GROUP BY region_code, year(concluded_on);
