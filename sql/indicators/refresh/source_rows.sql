-- @produces: rows of the datasets a refresh reads, for the rows/s figure
SELECT
  (SELECT count(*) FROM enforcement_decisions) + (SELECT count(*) FROM litigation_cases)
  + (SELECT count(*) FROM disclosure_requests) + (SELECT count(*) FROM normative_documents)
  + (SELECT count(*) FROM annual_reports) + (SELECT count(*) FROM enforcement_stats)
  + (SELECT count(*) FROM incidents) + (SELECT count(*) FROM satisfaction_surveys) AS source_rows;
