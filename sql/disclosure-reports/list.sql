-- @produces: the published disclosure reports (of a year, a region, or those failing the template's checks), one row per report, with the figures `shifan
--            disclosure-reports` and the dashboard show: section 三's flow, section 四's corrected and total cases
--            (litigation = both kinds added), section 二's decisions, the balance status and No. 83 both ways
-- @params: $year (INTEGER or NULL: every year), $region (VARCHAR or NULL: every region), $province (VARCHAR or NULL: every
--          province), $balanced (BOOLEAN or NULL: both)
SELECT
  r.region_code, d.name AS region_name, r.publisher, CAST(r.year AS INTEGER) AS year, r.template,
  CAST(r.published_on AS VARCHAR) AS published_on,
  r.received_new, r.carried_over, r.handled_total, r.carried_forward,
  r.reconsideration_corrected, r.reconsideration_total,
  r.litigation_direct_corrected + r.litigation_after_corrected AS litigation_corrected,
  r.litigation_direct_total + r.litigation_after_total AS litigation_total,
  r.penalties, r.licences, r.coercions, r.balanced, r.balance_failures,
  (r.reconsideration_corrected + r.litigation_direct_corrected + r.litigation_after_corrected)
    / nullif(r.reconsideration_upheld + r.reconsideration_corrected + r.reconsideration_other + r.litigation_direct_upheld
      + r.litigation_direct_corrected + r.litigation_direct_other + r.litigation_after_upheld + r.litigation_after_corrected
      + r.litigation_after_other, 0) AS corrected_per_concluded_case,
  (r.reconsideration_corrected + r.litigation_direct_corrected + r.litigation_after_corrected)
    / nullif(r.handled_total, 0) AS corrected_per_handled_request,
  r.source_url, l.file_name AS source_file, r._load_id AS load_id, r._line AS line
FROM disclosure_annual_reports AS r
LEFT JOIN divisions AS d ON d.region_code = r.region_code
LEFT JOIN load_log AS l ON l.load_id = r._load_id
WHERE ($year IS NULL OR r.year = $year)
  AND ($balanced IS NULL OR r.balanced = $balanced)
  AND ($region IS NULL OR r.region_code = $region)
  AND ($province IS NULL OR substr(r.region_code, 1, 2) = substr($province, 1, 2))
ORDER BY r.year DESC, r.region_code, r.publisher;
