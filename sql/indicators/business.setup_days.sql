-- @id: business.setup_days
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- A figure the region states about itself: the evidence is the report row. Percent cells are 0..100 in the
-- files and fractions here.
INSERT INTO metric_results BY NAME
SELECT
  'business.setup_days' AS metric_id,
  region_code,
  CAST(report_year AS INTEGER) AS year,
  CAST(business_setup_days AS DOUBLE) AS value,
  CASE WHEN business_setup_days IS NOT NULL THEN 1 ELSE 0 END AS evidence_count,
  [{'record_id': region_code || '|' || report_year, 'load_id': _load_id, 'line': _line}] AS evidence
FROM annual_reports;
