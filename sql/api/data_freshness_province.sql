-- @produces: data_freshness as a provincial office may see it: per dataset with rows of its regions, the latest
--            load that brought such rows and how many of its rows are current (kind = dataset); then its
--            designated regions without an annual report for the latest report year (kind = missing_report).
--            Datasets without a region_code (national figures) and every other province's loads are left out.
-- @params: $province VARCHAR (6 digits ending 0000),
--          $tables VARCHAR[] (the history tables of the datasets that carry region_code, from the contracts)
WITH mine AS (
  SELECT _load_id AS load_id, count(*) FILTER (WHERE _superseded_by IS NULL) AS current_rows
  FROM query_table($tables, true)
  WHERE substr(region_code, 1, 2) || '0000' = $province
  GROUP BY _load_id
), per_dataset AS (
  SELECT l.dataset, max(l.load_id) AS load_id, sum(m.current_rows) AS rows, count(*) AS loads
  FROM mine AS m JOIN load_log AS l USING (load_id)
  GROUP BY l.dataset
), report_year AS (
  SELECT max(report_year) AS y FROM annual_reports
)
SELECT 'dataset' AS kind, p.dataset, l.load_id, l.file_name, strftime(l.started_at, '%Y-%m-%d %H:%M:%S') AS loaded_at,
       l.status, p.rows, p.loads,
       NULL::VARCHAR AS region_code, NULL::VARCHAR AS region_name, NULL::INTEGER AS report_year
FROM per_dataset AS p JOIN load_log AS l USING (load_id)
UNION ALL
SELECT 'missing_report', 'annual_reports', NULL, NULL, NULL, NULL, NULL, NULL, r.region_code, r.region_name, ry.y
FROM regions AS r CROSS JOIN report_year AS ry
WHERE r.designation <> 'none' AND ry.y IS NOT NULL AND r.province_code = $province
  AND NOT EXISTS (SELECT 1 FROM annual_reports AS a WHERE a.region_code = r.region_code AND a.report_year = ry.y)
ORDER BY kind, dataset, region_code;
