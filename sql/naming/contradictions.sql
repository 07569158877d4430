-- @produces: every contradiction between an applicant's self-assessment and its own data in the round's decisive
--            year (data_to), with the evidence rows: the self-assessment's own row (file and line) and the source
--            records behind each metric not met (flag_evidence of the metric_not_met flag, file and line)
-- @params: $round VARCHAR, $province VARCHAR or NULL, $region VARCHAR or NULL,
--          $rate_points DOUBLE, $relative DOUBLE, $min_abs DOUBLE (the round's tolerances, pipeline/naming/method.ts)
-- Kinds: claimed_met — the applicant says the No. is met, a metric of it is not met;
--        claimed_not_applicable — the applicant says the No. does not apply, a metric of it is not met;
--        claimed_figure — the claimed figure differs from the computed one beyond the tolerance (rates: percentage
--        points; other units: the larger of min_abs and relative × computed). The figure is compared with the metric
--        the row names, else with the No.'s only metric; a No. with several metrics and none named is not compared.
-- No sentence is built here: each row carries its kind and the figures it rests on (metrics: id, unit, value,
-- threshold, and for a claimed figure its numerator and denominator); pipeline/vocabulary/naming-messages.ts words
-- them in the reader's language. Metrics without data contradict nothing. The basis of 四(三) ground 2 ("通过提供虚假材料…获取示范命名") later on:
-- a screening signal for review, never a finding by itself.
WITH r AS (SELECT * FROM naming_rounds WHERE round_id = $round),
apps AS (
  SELECT region_code, region_name FROM naming_applications
  WHERE round_id = $round
    AND ($province IS NULL OR substr(region_code, 1, 2) || '0000' = $province)
    AND ($region IS NULL OR region_code = $region)
),
vals AS (
  SELECT v.region_code, v.year, v.indicator_no, v.metric_id, t.name_zh, t.unit, v.value, v.numerator, v.denominator,
         v.threshold, v.status, v.provisional,
         CASE WHEN t.unit = 'rate' THEN v.value * 100 ELSE v.value END AS shown_value,
         CASE WHEN t.unit = 'rate' THEN v.threshold * 100 ELSE v.threshold END AS shown_threshold,
         count(*) OVER (PARTITION BY v.region_code, v.indicator_no) AS metrics_of_no
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.year = (SELECT data_to FROM r) AND v.indicator_no IS NOT NULL AND t.area <> 9
    AND v.region_code IN (SELECT region_code FROM apps)
),
claims AS (
  SELECT s.*, l.file_name
  FROM naming_self_assessments AS s
  LEFT JOIN load_log AS l ON l.load_id = s._load_id
  WHERE s.round_id = $round AND s.region_code IN (SELECT region_code FROM apps)
),
by_status AS (
  SELECT c.region_code, c.indicator_no,
    CASE c.status WHEN 'met' THEN 'claimed_met' ELSE 'claimed_not_applicable' END AS kind,
    c.status AS claimed_status, c.claimed_value, c.file_name, c._load_id AS load_id, c._line AS line,
    list(v.metric_id ORDER BY v.metric_id) AS metric_ids,
    list({'metric_id': v.metric_id, 'unit': v.unit, 'value': v.value, 'threshold': v.threshold,
      'numerator': v.numerator, 'denominator': v.denominator} ORDER BY v.metric_id) AS metrics,
    NULL::DOUBLE AS computed_value, NULL::DOUBLE AS difference, bool_or(v.provisional) AS provisional
  FROM claims AS c
  JOIN vals AS v ON v.region_code = c.region_code AND v.indicator_no = c.indicator_no AND v.status = 'not_met'
  WHERE c.status IN ('met', 'not_applicable')
  GROUP BY c.region_code, c.indicator_no, c.status, c.claimed_value, c.file_name, c._load_id, c._line
),
figures AS (
  SELECT c.region_code, c.indicator_no, 'claimed_figure' AS kind, c.status AS claimed_status, c.claimed_value,
    c.file_name, c._load_id AS load_id, c._line AS line, [v.metric_id] AS metric_ids,
    [{'metric_id': v.metric_id, 'unit': v.unit, 'value': v.value, 'threshold': v.threshold,
      'numerator': v.numerator, 'denominator': v.denominator}] AS metrics,
    v.shown_value AS computed_value, c.claimed_value - v.shown_value AS difference, v.provisional
  FROM claims AS c
  JOIN vals AS v ON v.region_code = c.region_code AND v.indicator_no = c.indicator_no
    AND (v.metric_id = c.metric OR (c.metric IS NULL AND v.metrics_of_no = 1))
  WHERE c.claimed_value IS NOT NULL AND v.value IS NOT NULL
    AND abs(c.claimed_value - v.shown_value) > CASE WHEN v.unit = 'rate' THEN $rate_points
                                                ELSE greatest($min_abs, $relative * abs(v.shown_value)) END
),
found AS (SELECT * FROM by_status UNION ALL BY NAME SELECT * FROM figures),
metric_evidence AS (
  SELECT f.region_code, f.indicator_no, f.kind,
    list(DISTINCT {'dataset': e.dataset, 'record_id': e.record_id, 'file_name': e.file_name, 'line': e.line, 'load_id': e.load_id}) AS rows,
    count(DISTINCT e.record_id) AS n
  FROM found AS f
  CROSS JOIN LATERAL (SELECT unnest(f.metric_ids) AS metric_id) AS m
  JOIN flags AS fl ON fl.rule_id = 'metric_not_met' AND fl.region_code = f.region_code
    AND fl.year = (SELECT data_to FROM r) AND fl.detail_key = m.metric_id AND fl.status = 'active'
  JOIN flag_evidence AS e ON e.flag_id = fl.flag_id
  GROUP BY f.region_code, f.indicator_no, f.kind
)
SELECT f.region_code, a.region_name, (SELECT data_to FROM r) AS year, f.indicator_no, f.kind, f.claimed_status,
  f.claimed_value, f.computed_value, f.difference, f.metric_ids, f.metrics, f.provisional,
  [{'dataset': 'naming_self_assessments', 'record_id': f.region_code || '|' || f.indicator_no, 'file_name': f.file_name,
    'line': f.line, 'load_id': f.load_id}] || coalesce(me.rows, []) AS evidence,
  1 + coalesce(me.n, 0) AS evidence_count
FROM found AS f
JOIN apps AS a ON a.region_code = f.region_code
LEFT JOIN metric_evidence AS me ON me.region_code = f.region_code AND me.indicator_no = f.indicator_no AND me.kind = f.kind
ORDER BY f.region_code, f.indicator_no, f.kind;
