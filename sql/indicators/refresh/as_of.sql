-- @produces: as_of DATE — the data's date when no --as-of is given
-- The latest date any loaded dataset mentions (decisions, publications, receipts, answers, conclusions, reports,
-- incidents). Items due after it (unpublished decisions, unanswered requests, annual reports) are "not yet due"
-- and left out rather than counted late. Capped at today so a mistyped future date cannot hide lateness.
SELECT CAST(least(current_date, max(d)) AS VARCHAR) AS as_of
FROM (
  SELECT max(decided_on) AS d FROM enforcement_decisions
  UNION ALL SELECT max(published_on) FROM enforcement_decisions
  UNION ALL SELECT max(received_on) FROM disclosure_requests
  UNION ALL SELECT max(answered_on) FROM disclosure_requests
  UNION ALL SELECT max(concluded_on) FROM litigation_cases
  UNION ALL SELECT max(filed_on) FROM litigation_cases
  UNION ALL SELECT max(issued_on) FROM normative_documents
  UNION ALL SELECT max(filed_on) FROM normative_documents
  UNION ALL SELECT max(submitted_on) FROM annual_reports
  UNION ALL SELECT max(published_on) FROM annual_reports
  UNION ALL SELECT max(stats_published_on) FROM enforcement_stats
  UNION ALL SELECT CAST(max(occurred_at) AS DATE) FROM incidents
);
