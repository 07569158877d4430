-- @produces: for each single-item applicant of a round, its position against every region on each metric of its
--            field in the decisive year: value, percentile (share of the other regions with a value it is at least
--            as good as, by the metric's direction; 1 = leads all) and funnel position where the metric has a funnel
-- @params: $round VARCHAR, $province VARCHAR or NULL, $region VARCHAR or NULL,
--          $field_metrics VARCHAR (JSON [{field, metric_id}], pipeline/naming/fields.ts)
WITH r AS (SELECT * FROM naming_rounds WHERE round_id = $round),
fm AS (SELECT unnest(from_json($field_metrics, '[{"field":"VARCHAR","metric_id":"VARCHAR"}]'), recursive := true)),
ranked AS (
  SELECT v.region_code, v.metric_id, v.value, v.status, v.direction, t.name_zh, t.unit,
    CASE WHEN count(*) OVER (PARTITION BY v.metric_id) > 1 THEN
      (count(*) OVER (PARTITION BY v.metric_id) - rank() OVER (PARTITION BY v.metric_id ORDER BY
        CASE WHEN v.direction = 'lower' THEN v.value ELSE -v.value END)) / (count(*) OVER (PARTITION BY v.metric_id) - 1)
    END AS percentile,
    count(*) OVER (PARTITION BY v.metric_id) AS regions_with_value
  FROM indicator_values AS v
  JOIN indicator_thresholds AS t ON t.version = v.system_version AND t.metric_id = v.metric_id
  WHERE v.year = (SELECT data_to FROM r) AND v.value IS NOT NULL
    AND v.metric_id IN (SELECT metric_id FROM fm)
)
SELECT a.region_code, a.field, fm.metric_id,
       coalesce(k.name_zh, (SELECT any_value(t.name_zh) FROM indicator_thresholds AS t WHERE t.metric_id = fm.metric_id)) AS name_zh,
       k.unit, k.value, k.status, k.percentile, k.regions_with_value,
       f.position AS funnel_position, f.target AS funnel_target
FROM naming_applications AS a
JOIN fm ON fm.field = a.field
LEFT JOIN ranked AS k ON k.region_code = a.region_code AND k.metric_id = fm.metric_id
LEFT JOIN funnel_limits AS f ON f.region_code = a.region_code AND f.metric_id = fm.metric_id
  AND f.year = (SELECT data_to FROM r)
WHERE a.round_id = $round AND a.kind = 'single'
  AND ($province IS NULL OR substr(a.region_code, 1, 2) || '0000' = $province)
  AND ($region IS NULL OR a.region_code = $region)
ORDER BY a.region_code, fm.metric_id;
