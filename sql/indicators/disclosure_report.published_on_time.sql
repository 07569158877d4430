-- @id: disclosure_report.published_on_time
-- @indicator_no: 81
-- @source: disclosure_annual_reports
-- @rule: reports on the year whose page gives a publication date on or before 31 January of the next year (条例
--        第五十条: 每年1月31日前向社会公布本行政机关上一年度政府信息公开工作年度报告) / reports on the year that give a
--        date. A report without a date on its page is not judged
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
SELECT
  'disclosure_report.published_on_time' AS metric_id,
  region_code,
  year,
  count(*) FILTER (WHERE published_on <= make_date(year + 1, 1, 31)) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE published_on > make_date(year + 1, 1, 31)) AS evidence_count,
  list_slice(list({'record_id': region_code || '|' || year || '|' || publisher, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line)
    FILTER (WHERE published_on > make_date(year + 1, 1, 31)), 1, 50) AS evidence
FROM disclosure_annual_reports
WHERE published_on IS NOT NULL
GROUP BY region_code, year;
