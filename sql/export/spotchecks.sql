-- @produces: spot-check findings per region and year (回访抽查), with the year's committed draw if any
SELECT f.year, f.region_code, r.region_name, count(*) AS indicators_checked,
       count(*) FILTER (WHERE f.met) AS indicators_met,
       round(count(*) FILTER (WHERE f.met) / count(*), 4) AS share_met,
       string_agg(CASE WHEN NOT f.met THEN CAST(f.indicator_no AS VARCHAR) END, ',' ORDER BY f.indicator_no) AS unmet_indicator_nos,
       (SELECT max(d.draw_id) FROM draws AS d WHERE d.year = f.year AND d.state = 'committed' AND d.superseded_by IS NULL) AS draw_id
FROM spotcheck_findings AS f
LEFT JOIN regions AS r ON r.region_code = f.region_code
GROUP BY f.year, f.region_code, r.region_name
ORDER BY f.year DESC, share_met, f.region_code;
