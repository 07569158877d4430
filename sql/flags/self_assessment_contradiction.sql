-- @rule: self_assessment_contradiction
-- @version: 1
-- @source: self_assessments, indicator_values, indicator_thresholds
-- @fires: a region's self-assessment says an indicator No. is met (met = true) for a year, and the data say it is
--         not: at least one metric of that No. is not met in the same year. A screening signal for possible false
--         materials (摘牌 ground 2, 附加项 减分项 2 "故意编造、虚构有关数据") that an analyst must review — never a ground
--         by itself. One flag per region, year and No.; metrics without data do not contradict anything
-- @severity: low
-- Low because it is frequent where regions self-assess generously (1,888 in the small demo); the signal is in repeats.
INSERT INTO flag_candidates BY NAME
WITH unmet AS (
  SELECT v.region_code, v.year, v.indicator_no,
    list(v.metric_id ORDER BY v.metric_id) AS metrics,
    list(t.name_zh ORDER BY v.metric_id) AS names,
    bool_or(v.provisional) AS provisional
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.run_id = (SELECT run_id FROM refresh_context) AND v.status = 'not_met' AND v.indicator_no IS NOT NULL
  GROUP BY ALL
)
SELECT
  'self_assessment_contradiction' AS rule_id, 1 AS rule_version, s.region_code, CAST(s.report_year AS INTEGER) AS year,
  'self_assessments.' || s.indicator_no AS detail_key, 'low' AS severity,
  json_object('year', s.report_year, 'indicator_no', s.indicator_no, 'self_assessed_met', true, 'metrics_not_met', u.metrics,
    'metric_names_zh', u.names, 'provisional', u.provisional) AS numbers,
  1 AS evidence_count,
  [{'dataset': 'self_assessments', 'record_id': s.region_code || '|' || s.report_year || '|' || s.indicator_no, 'load_id': s._load_id, 'line': s._line}] AS evidence
FROM self_assessments AS s
JOIN unmet AS u ON u.region_code = s.region_code AND u.year = s.report_year AND u.indicator_no = s.indicator_no
WHERE s.met;
