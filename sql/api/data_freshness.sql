-- @produces: per dataset, its latest load (id, file, time, status) and the rows it holds (loaded minus superseded,
--            over its loads; kind = dataset); then the caller's designated regions without an annual report
--            for the latest report year (kind = missing_report)
-- @params: $province VARCHAR or NULL
WITH latest AS (
  SELECT dataset, max(load_id) AS load_id FROM load_log WHERE dataset IS NOT NULL GROUP BY dataset
), rows_in AS (
  SELECT dataset, sum(coalesce(loaded, 0) - coalesce(superseded, 0)) AS rows, count(*) AS loads FROM load_log
  WHERE dataset IS NOT NULL AND status = 'loaded' GROUP BY dataset
), report_year AS (
  SELECT max(report_year) AS y FROM annual_reports
)
SELECT 'dataset' AS kind, l.dataset, l.load_id, l.file_name, strftime(l.started_at, '%Y-%m-%d %H:%M:%S') AS loaded_at,
       l.status, coalesce(ri.rows, 0) AS rows, coalesce(ri.loads, 0) AS loads,
       NULL::VARCHAR AS region_code, NULL::VARCHAR AS region_name, NULL::INTEGER AS report_year
FROM latest JOIN load_log AS l USING (load_id) LEFT JOIN rows_in AS ri ON ri.dataset = l.dataset
UNION ALL
SELECT 'missing_report', 'annual_reports', NULL, NULL, NULL, NULL, NULL, NULL, r.region_code, r.region_name, ry.y
FROM regions AS r CROSS JOIN report_year AS ry
WHERE r.designation <> 'none' AND ry.y IS NOT NULL AND ($province IS NULL OR r.province_code = $province)
  AND NOT EXISTS (SELECT 1 FROM annual_reports AS a WHERE a.region_code = r.region_code AND a.report_year = ry.y)
ORDER BY kind, dataset, region_code;
