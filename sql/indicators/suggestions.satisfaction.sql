-- @id: suggestions.satisfaction
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- A figure the region states about itself: the evidence is the report row. Percent cells are 0..100 in the
-- files and fractions here.
INSERT INTO metric_results BY NAME
SELECT
  'suggestions.satisfaction' AS metric_id,
  region_code,
  CAST(report_year AS INTEGER) AS year,
  CAST(suggestion_satisfaction AS DOUBLE) / 100 AS value,
  CASE WHEN suggestion_satisfaction IS NOT NULL THEN 1 ELSE 0 END AS evidence_count,
  [{'record_id': region_code || '|' || report_year, 'load_id': _load_id, 'line': _line}] AS evidence
FROM annual_reports;
