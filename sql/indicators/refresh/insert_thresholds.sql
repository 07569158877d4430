-- @produces: the indicator_thresholds rows of every metric of every version (pipeline/indicators/system.ts
--   storeSystems, after it emptied the table). One statement for all of them: a planned INSERT per metric cost about
--   a hundred statements per refresh, a third of a refresh of a small database.
-- @params: $thresholds — JSON text [{version, metric_id, indicator_no, area, name_zh, unit, direction, threshold,
--   threshold_note, benchmark_metric, benchmark_year_offset, weight, funnel, source}]
INSERT INTO indicator_thresholds (version, metric_id, indicator_no, area, name_zh, unit, direction, threshold,
  threshold_note, benchmark_metric, benchmark_year_offset, weight, funnel, source)
SELECT version, metric_id, indicator_no, area, name_zh, unit, direction, threshold, threshold_note, benchmark_metric,
  benchmark_year_offset, weight, funnel, source
FROM (SELECT unnest(from_json($thresholds, '[{"version":"VARCHAR","metric_id":"VARCHAR","indicator_no":"INTEGER",
  "area":"INTEGER","name_zh":"VARCHAR","unit":"VARCHAR","direction":"VARCHAR","threshold":"DOUBLE",
  "threshold_note":"VARCHAR","benchmark_metric":"VARCHAR","benchmark_year_offset":"INTEGER","weight":"DOUBLE",
  "funnel":"BOOLEAN","source":"VARCHAR"}]'), recursive := true));
