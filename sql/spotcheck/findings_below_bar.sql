-- @produces: regions whose spot-check findings fall below the bar, per year — candidates for the revocation
--            watchlist on ground (3) (摘牌退出 (3): a spot check confirms the region no longer meets the indicator system)
-- @source: spotcheck_findings_by_draw (sql/spotcheck/findings_by_draw.sql)
-- @params: $bars VARCHAR: JSON [{year_from, year_to (NULL = open), bar, source}] — the designation criterion per
--          indicator-system version (scoring.comprehensive_bar, 二(一) "90%以上指标"), or one bar given as an option;
--          $fallback_bar DOUBLE for a year no version covers; $year INTEGER or NULL for every year.
-- A region is below the bar when met findings / all findings < bar: 以上 includes the number, so a share equal to
-- the bar meets it. linked = the findings come from a committed draw's random sample or its risk-targeted list;
-- rows with linked = false are still listed (never silently dropped) and need an analyst's look before they count.
WITH bars AS (
  SELECT *
  FROM (SELECT unnest(from_json($bars, '[{"year_from":"INTEGER","year_to":"INTEGER","bar":"DOUBLE","source":"VARCHAR"}]'), recursive := true))
),
per_region AS (
  SELECT
    region_code,
    year,
    any_value(draw_id) AS draw_id,
    any_value(link) AS link,
    any_value(link) IN ('selected', 'risk_targeted') AS linked,
    CAST(count(*) AS INTEGER) AS findings,
    CAST(count(*) FILTER (WHERE met) AS INTEGER) AS met,
    list(CAST(indicator_no AS INTEGER) ORDER BY indicator_no) FILTER (WHERE NOT met) AS unmet_indicators
  FROM spotcheck_findings_by_draw
  WHERE ($year IS NULL OR year = $year)
  GROUP BY region_code, year
)
SELECT
  p.region_code, p.year, p.draw_id, p.link, p.linked, p.findings, p.met,
  round(p.met / p.findings, 4) AS share_met,
  coalesce(b.bar, $fallback_bar) AS bar,
  coalesce(b.source, '二(一) 90%以上指标 (no indicator-system bar given for the year)') AS bar_source,
  p.unmet_indicators,
  3 AS revocation_ground
FROM per_region AS p
LEFT JOIN bars AS b ON p.year >= b.year_from AND (b.year_to IS NULL OR p.year <= b.year_to)
-- exact comparison on counts: met < bar · findings (a share rounded to 4 places could misjudge 9/10 against 0.9)
WHERE p.met < coalesce(b.bar, $fallback_bar) * p.findings - 1e-9
ORDER BY p.year, p.region_code;
