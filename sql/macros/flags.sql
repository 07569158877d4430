-- @produces: temporary macros flag_evidence_hash (the fingerprint of what a flag rests on) and triage_state
-- A triage decision (pipeline/flags/triage.ts) stores it; a dismissed flag comes back when it changes. It covers the
-- region's own figures and the number of evidence records, not figures that move with other regions' data (the
-- funnel target and limits, p and q) or with the data's date, so a dismissal is not undone by someone else's upload.
CREATE OR REPLACE TEMP MACRO flag_evidence_hash(numbers, evidence_count) AS
  md5(concat_ws('|', CAST(evidence_count AS VARCHAR),
    json_extract_string(numbers, '$.value'), json_extract_string(numbers, '$.numerator'),
    json_extract_string(numbers, '$.denominator'), json_extract_string(numbers, '$.stated'),
    json_extract_string(numbers, '$.counted'), json_extract_string(numbers, '$.submitted_on'),
    json_extract_string(numbers, '$.days_late'), CAST(json_extract(numbers, '$.values') AS VARCHAR),
    CAST(json_extract(numbers, '$.denominators') AS VARCHAR), json_extract_string(numbers, '$.items_met'),
    json_extract_string(numbers, '$.items_assessed'), json_extract_string(numbers, '$.previous')));

-- A flag's triage state: the decision, except that a dismissal whose fingerprint no longer matches the flag's is
-- 'reopened' (the flag is back). NULL when nobody has triaged it.
CREATE OR REPLACE TEMP MACRO triage_state(decision, stored_hash, numbers, evidence_count) AS
  CASE WHEN decision = 'dismissed' AND stored_hash <> flag_evidence_hash(numbers, evidence_count) THEN 'reopened'
       ELSE decision END;
