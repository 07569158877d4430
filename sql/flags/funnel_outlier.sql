-- @rule: funnel_outlier
-- @version: 1
-- @source: funnel_limits, indicator_thresholds, metric_results (evidence)
-- @fires: a region's rate lies beyond the 99.8% funnel limit for its denominator (after the over-dispersion
--         adjustment when φ > 1). The unfavourable side is a performance signal (high); the favourable side is
--         unusually good and worth a look at the data behind it (low)
-- @severity: high | low
INSERT INTO flag_candidates BY NAME
SELECT
  'funnel_outlier' AS rule_id, 1 AS rule_version, f.region_code, f.year, f.metric_id AS detail_key,
  CASE WHEN f.unfavourable THEN 'high' ELSE 'low' END AS severity,
  json_object('year', f.year, 'metric_id', f.metric_id, 'metric_name_zh', t.name_zh, 'value', f.value, 'numerator', f.numerator, 'denominator', f.denominator,
    'target', f.target, 'lower998', f.lower998, 'upper998', f.upper998, 'phi', f.phi, 'adjusted', f.adjusted, 'z', f.z,
    'position', f.position, 'unfavourable', f.unfavourable) AS numbers,
  coalesce(r.evidence_count, 0) AS evidence_count,
  coalesce([{'dataset': t.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM funnel_limits AS f
JOIN indicator_values AS v ON v.run_id = f.run_id AND v.metric_id = f.metric_id AND v.region_code = f.region_code AND v.year = f.year
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = f.metric_id
LEFT JOIN metric_results AS r ON r.metric_id = f.metric_id AND r.region_code = f.region_code AND r.year = f.year
CROSS JOIN refresh_context AS c
WHERE f.run_id = c.run_id AND f.position IN ('above998', 'below998');
