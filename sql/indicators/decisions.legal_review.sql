-- @id: decisions.legal_review
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
INSERT INTO metric_results BY NAME
SELECT
  'decisions.legal_review' AS metric_id,
  region_code,
  CAST(report_year AS INTEGER) AS year,
  CAST(major_decisions_legal_reviewed AS DOUBLE) AS numerator,
  CAST(major_decisions AS DOUBLE) AS denominator,
  CASE WHEN major_decisions > 0 THEN major_decisions_legal_reviewed / major_decisions END AS value,
  coalesce(major_decisions - major_decisions_legal_reviewed, 0) AS evidence_count,
  [{'record_id': region_code || '|' || report_year, 'load_id': _load_id, 'line': _line}] AS evidence
FROM annual_reports;
