-- @id: normative.comment_period
-- @indicator_no: 27
-- @source: normative_documents
-- @rule: documents put out for public comment (comment_days > 0) whose comment period was at least 7 days /
--        such documents, by year of issue. The files give the period as a number of days without its start date,
--        so the seed's 7 working days cannot be counted on the calendar: 7 is the floor applied, and a shorter
--        period is certainly short
-- @threshold: 100% (data/indicator-systems)
INSERT INTO metric_results BY NAME
SELECT
  'normative.comment_period' AS metric_id,
  region_code,
  year(issued_on) AS year,
  count(*) FILTER (WHERE comment_days >= 7) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  count(*) FILTER (WHERE comment_days < 7) AS evidence_count,
  list_slice(list({'record_id': doc_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE comment_days < 7), 1, 50) AS evidence
FROM normative_documents
WHERE comment_days > 0
GROUP BY region_code, year(issued_on);
