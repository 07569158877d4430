-- @id: report.submitted_on_time
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Which reports are owed, and when: the view reports_owed (sql/indicators/refresh/reports_owed.sql).
INSERT INTO metric_results BY NAME
SELECT
  'report.submitted_on_time' AS metric_id,
  j.region_code,
  j.year,
  CASE WHEN j.submitted_on <= j.due_on THEN 1 WHEN j.submitted_on IS NOT NULL OR j.due_on < c.as_of THEN 0 END AS numerator,
  CASE WHEN j.submitted_on IS NOT NULL OR j.due_on < c.as_of THEN 1 END AS denominator,
  numerator / denominator AS value,
  coalesce(denominator - numerator, 0) AS evidence_count,
  CASE WHEN j._load_id IS NOT NULL AND numerator = 0
    THEN [{'record_id': j.region_code || '|' || j.year, 'load_id': j._load_id, 'line': j._line}] ELSE [] END AS evidence
FROM reports_owed AS j
CROSS JOIN refresh_context AS c;
