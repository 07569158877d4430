-- @produces: for each applicant of a round and each seed indicator No. (or metric without a No.) of the decisive
--            year: the data's verdict (an item is met when every assessed metric of it is met, as the scorecard counts
--            it) beside the applicant's self-assessment, with the metrics behind it
-- @params: $round VARCHAR, $province VARCHAR or NULL, $region VARCHAR or NULL
WITH r AS (SELECT * FROM naming_rounds WHERE round_id = $round),
apps AS (
  SELECT region_code FROM naming_applications
  WHERE round_id = $round
    AND ($province IS NULL OR substr(region_code, 1, 2) || '0000' = $province)
    AND ($region IS NULL OR region_code = $region)
),
vals AS (
  SELECT v.region_code, v.indicator_no, coalesce(CAST(v.indicator_no AS VARCHAR), v.metric_id) AS item, v.metric_id,
         t.name_zh, t.unit, t.area, v.value, v.numerator, v.denominator, v.threshold, v.direction, v.status,
         v.provisional
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.year = (SELECT data_to FROM r) AND t.area <> 9
    AND v.region_code IN (SELECT region_code FROM apps)
),
items AS (
  SELECT region_code, item, any_value(indicator_no) AS indicator_no, min(area) AS area,
    CASE WHEN bool_and(status = 'no_data') THEN 'no_data'
         WHEN bool_and(status <> 'not_met') THEN 'met' ELSE 'not_met' END AS data_status,
    list({'metric_id': metric_id, 'name_zh': name_zh, 'unit': unit, 'value': value, 'numerator': numerator,
          'denominator': denominator, 'threshold': threshold, 'direction': direction, 'status': status,
          'provisional': provisional} ORDER BY metric_id) AS metrics
  FROM vals
  GROUP BY region_code, item
),
claims AS (
  SELECT region_code, CAST(indicator_no AS VARCHAR) AS item, indicator_no, status, metric, claimed_value, note
  FROM naming_self_assessments
  WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)
)
SELECT coalesce(i.region_code, c.region_code) AS region_code, coalesce(i.item, c.item) AS item,
       coalesce(i.indicator_no, c.indicator_no) AS indicator_no, i.area, coalesce(i.data_status, 'no_data') AS data_status,
       c.status AS claimed_status, c.metric AS claimed_metric, c.claimed_value, c.note AS claim_note,
       coalesce(i.metrics, []) AS metrics
FROM items AS i
FULL JOIN claims AS c ON c.region_code = i.region_code AND c.item = i.item
ORDER BY region_code, indicator_no NULLS LAST, item;
