-- @id: normative.comment_period
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- Working days from comment_period_workdays() (sql/macros/calendar.sql): the most a period of that many calendar
-- days can hold on the official calendar when it ends within the 30 days before issue.
INSERT INTO metric_results BY NAME
SELECT
  'normative.comment_period' AS metric_id,
  d.region_code,
  year(d.issued_on) AS year,
  count(*) FILTER (WHERE w.workdays >= 7) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  bool_or(coalesce(w.provisional, true)) AS provisional,
  count(*) FILTER (WHERE coalesce(w.workdays, 0) < 7) AS evidence_count,
  list_slice(list({'record_id': d.doc_id, 'load_id': d._load_id, 'line': d._line} ORDER BY d._load_id, d._line)
    FILTER (WHERE coalesce(w.workdays, 0) < 7), 1, 50) AS evidence
FROM normative_documents AS d
LEFT JOIN comment_period_workdays() AS w ON w.doc_id = d.doc_id
WHERE d.comment_days > 0
GROUP BY d.region_code, year(d.issued_on);
