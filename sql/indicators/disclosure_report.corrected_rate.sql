-- @id: disclosure_report.corrected_rate
-- @indicator_no: 83
-- @source: disclosure_annual_reports (section 四 of each published 政府信息公开工作年度报告)
-- @rule: 结果纠正 in reconsideration, litigation without reconsideration and litigation after reconsideration /
--        the cases of those three kinds concluded in the year (结果维持 + 结果纠正 + 其他结果), summed over every report
--        a region's publishers (the government and its departments) published on the year. Pending cases are left
--        out of both. The requests-handled reading of 发生率 is shown beside it by `shifan disclosure-reports`
-- @threshold: <= 5% (the seed's "5% 以下", which in Chinese legal usage includes 5%) (data/indicator-systems)
INSERT INTO metric_results BY NAME
WITH concluded AS (
  SELECT
    region_code, year, publisher, _load_id, _line,
    reconsideration_corrected + litigation_direct_corrected + litigation_after_corrected AS corrected,
    reconsideration_upheld + reconsideration_corrected + reconsideration_other
      + litigation_direct_upheld + litigation_direct_corrected + litigation_direct_other
      + litigation_after_upheld + litigation_after_corrected + litigation_after_other AS concluded
  FROM disclosure_annual_reports
)
SELECT
  'disclosure_report.corrected_rate' AS metric_id,
  region_code,
  year,
  sum(corrected) AS numerator,
  sum(concluded) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE corrected > 0) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || publisher, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE corrected > 0), 1, 50) AS evidence
FROM concluded
WHERE corrected IS NOT NULL AND concluded IS NOT NULL
GROUP BY region_code, year
HAVING sum(concluded) > 0;
