-- @produces: one indicator_thresholds row (pipeline/indicators/system.ts storeSystems)
INSERT INTO indicator_thresholds (version, metric_id, indicator_no, area, name_zh, unit, direction, threshold, threshold_note,
  benchmark_metric, benchmark_year_offset, weight, funnel, source)
VALUES ($version, $metric_id, $indicator_no, $area, $name_zh, $unit, $direction, $threshold, $threshold_note,
  $benchmark_metric, $benchmark_year_offset, $weight, $funnel, $source);
