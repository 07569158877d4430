-- @produces: regions whose spot-check findings fall below the bar, per year — candidates for the revocation
--            watchlist on ground (3) (摘牌退出 (3): a spot check confirms the region no longer meets the indicators)
-- @source: spotcheck_findings_by_draw (sql/spotcheck/findings_by_draw.sql)
-- @params: $min_share_met DOUBLE: the bar; a region is below it when met findings / all findings < $min_share_met.
--          1.0 (the default in pipeline/spotcheck/findings.ts) means any indicator not met puts it below.
--          $year INTEGER or NULL for every year.
-- linked = the findings come from a committed draw's random sample or its risk-targeted list; rows with
-- linked = false are still listed (never silently dropped) and need an analyst's look before they count.
SELECT
  region_code,
  year,
  any_value(draw_id) AS draw_id,
  any_value(link) AS link,
  any_value(link) IN ('selected', 'risk_targeted') AS linked,
  CAST(count(*) AS INTEGER) AS findings,
  CAST(count(*) FILTER (WHERE met) AS INTEGER) AS met,
  round(count(*) FILTER (WHERE met) / count(*), 4) AS share_met,
  list(CAST(indicator_no AS INTEGER) ORDER BY indicator_no) FILTER (WHERE NOT met) AS unmet_indicators,
  3 AS revocation_ground
FROM spotcheck_findings_by_draw
WHERE ($year IS NULL OR year = $year)
GROUP BY region_code, year
HAVING count(*) FILTER (WHERE met) / count(*) < $min_share_met
ORDER BY year, region_code;
