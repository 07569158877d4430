-- @rule: funnel_outlier
-- @version: 2
-- @source: funnel_limits, indicator_thresholds, metric_results (evidence)
-- @fires: a region's rate lies beyond the 99.8% funnel limit for its denominator (limits from the model recorded with
--         them: exact binomial, or additive τ² / multiplicative φ where the χ² test found over-dispersion) and the
--         test survives Benjamini–Hochberg false-discovery control over all funnel tests of the year (q recorded).
--         The unfavourable side is a performance signal (high); the favourable side is unusually good and worth a
--         look at the data behind it (low)
-- @severity: high | low
INSERT INTO flag_candidates BY NAME
SELECT
  'funnel_outlier' AS rule_id, 2 AS rule_version, f.region_code, f.year, f.metric_id AS detail_key,
  CASE WHEN f.unfavourable THEN 'high' ELSE 'low' END AS severity,
  json_object('year', f.year, 'metric_id', f.metric_id, 'metric_name_zh', t.name_zh, 'value', f.value, 'numerator', f.numerator, 'denominator', f.denominator,
    'target', f.target, 'lower998', f.lower998, 'upper998', f.upper998, 'model', f.model, 'phi', f.phi, 'tau2', f.tau2,
    'chi2', f.chi2, 'chi2_df', f.chi2_df, 'chi2_p', f.chi2_p, 'adjusted', f.adjusted, 'z', f.z, 'p_value', f.p_value,
    'q_value', f.q_value, 'fdr_q', f.fdr_q, 'position', f.position, 'unfavourable', f.unfavourable) AS numbers,
  coalesce(r.evidence_count, 0) AS evidence_count,
  coalesce([{'dataset': t.source, 'record_id': e.record_id, 'load_id': e.load_id, 'line': e.line} FOR e IN r.evidence], []) AS evidence
FROM funnel_limits AS f
JOIN indicator_values AS v ON v.run_id = f.run_id AND v.metric_id = f.metric_id AND v.region_code = f.region_code AND v.year = f.year
JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = f.metric_id
LEFT JOIN metric_results AS r ON r.metric_id = f.metric_id AND r.region_code = f.region_code AND r.year = f.year
CROSS JOIN refresh_context AS c
WHERE f.run_id = c.run_id AND f.position IN ('above998', 'below998') AND f.discovery;
