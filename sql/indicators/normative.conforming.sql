-- @id: normative.conforming
-- @definition: data/indicator-systems/catalogue.json (indicator No., source, rule, threshold, weight);
--              a version file there says what changes by version
-- No. 34 规范率, as far as the loaded data can test it: a filed document is conforming when it was made by the
-- procedure the annex prescribes and the file records — legality review done (No. 31), review time 5–15 working
-- days when stated (No. 31), and, when it was put out for comment, a period that can have held 7 working days
-- (No. 27, comment_period_workdays() in sql/macros/calendar.sql). The content review of the filing body is not in
-- the data; a document the filing body finds irregular in content is a spot-check finding, not counted here.
INSERT INTO metric_results BY NAME
WITH judged AS (
  SELECT d.*, w.provisional,
    coalesce(d.legal_review, false)
      AND (d.review_workdays IS NULL OR d.review_workdays BETWEEN 5 AND 15)
      AND (coalesce(d.comment_days, 0) = 0 OR coalesce(w.workdays, 0) >= 7) AS conforming
  FROM normative_documents AS d
  LEFT JOIN comment_period_workdays() AS w ON w.doc_id = d.doc_id
  WHERE d.filed_on IS NOT NULL
)
SELECT
  'normative.conforming' AS metric_id,
  region_code,
  year(issued_on) AS year,
  count(*) FILTER (WHERE conforming) AS numerator,
  count(*) AS denominator,
  numerator / denominator AS value,
  bool_or(coalesce(provisional, false)) AS provisional,
  count(*) FILTER (WHERE NOT conforming) AS evidence_count,
  list_slice(list({'record_id': doc_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line) FILTER (WHERE NOT conforming), 1, 50) AS evidence
FROM judged
GROUP BY region_code, year(issued_on);
