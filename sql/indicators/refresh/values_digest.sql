-- @produces: one row: how many indicator values the latest refresh wrote and the SHA-256 of all of them in a
--            canonical order and text form, with the indicator_thresholds and scorecard the same way
-- @source: indicator_values, indicator_thresholds, scorecard
-- Used by pipeline/indicators/values-digest.ts to show that a change to how definitions are stored (not what they
-- say) leaves every output as it was. run_id is left out: it counts refreshes, not results.
SELECT
  (SELECT count(*) FROM indicator_values) AS indicator_values,
  (SELECT sha256(coalesce(string_agg(concat_ws('|', metric_id, region_code, year, indicator_no, numerator, denominator,
     value, threshold, direction, status, provisional, system_version, evidence_count), chr(10)
     ORDER BY metric_id, region_code, year), '')) FROM indicator_values) AS indicator_values_sha256,
  (SELECT sha256(coalesce(string_agg(concat_ws('|', version, metric_id, indicator_no, area, name_zh, unit, direction,
     threshold, threshold_note, benchmark_metric, benchmark_year_offset, weight, funnel, source), chr(10)
     ORDER BY version, metric_id), '')) FROM indicator_thresholds) AS indicator_thresholds_sha256,
  (SELECT sha256(coalesce(string_agg(concat_ws('|', region_code, year, system_version, metrics_met, metrics_assessed,
     metrics_no_data, conformance, bar, meets_bar), chr(10) ORDER BY region_code, year), '')) FROM scorecard) AS scorecard_sha256;
