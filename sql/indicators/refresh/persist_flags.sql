-- @produces: flags upserted from this run's flag_candidates; flags that stopped firing marked resolved; evidence of
--            flags first seen (or firing again) in this run captured in flag_evidence with file and line
-- Nothing is deleted and evidence already captured is never rewritten: a flag keeps its first_seen_run and the
-- records it was first raised on, while severity and numbers follow the latest data.
-- A year not yet complete (refresh_context.complete_through) raises no flag except late reporting: its figures are
-- provisional, so a miss, an outlier or a trend there would be judged on part of a year.
CREATE OR REPLACE TEMP TABLE flag_run AS
SELECT md5(concat_ws('|', rule_id, rule_version, region_code, year, detail_key)) AS flag_id, *
FROM flag_candidates
WHERE year <= (SELECT complete_through FROM refresh_context) OR rule_id IN ('report_missing', 'report_late');

CREATE OR REPLACE TEMP TABLE flag_fresh AS
SELECT r.flag_id
FROM flag_run AS r
LEFT JOIN flags AS f ON f.flag_id = r.flag_id
WHERE f.flag_id IS NULL OR f.status = 'resolved';

INSERT INTO flags (flag_id, rule_id, rule_version, region_code, year, detail_key, severity, numbers,
                   evidence_count, first_seen_run, last_seen_run, status, resolved_run)
SELECT r.flag_id, r.rule_id, r.rule_version, r.region_code, r.year, r.detail_key, r.severity, r.numbers,
       r.evidence_count, c.run_id, c.run_id, 'active', NULL
FROM flag_run AS r
CROSS JOIN refresh_context AS c
ON CONFLICT (flag_id) DO UPDATE SET
  severity = excluded.severity, numbers = excluded.numbers,
  evidence_count = excluded.evidence_count, last_seen_run = excluded.last_seen_run, status = 'active', resolved_run = NULL;

UPDATE flags
SET status = 'resolved', resolved_run = (SELECT run_id FROM refresh_context)
WHERE status = 'active' AND flag_id NOT IN (SELECT flag_id FROM flag_run);

INSERT INTO flag_evidence (flag_id, run_id, dataset, record_id, load_id, file_name, line)
SELECT x.flag_id, c.run_id, x.e.dataset, x.e.record_id, x.e.load_id, l.file_name, x.e.line
FROM (
  SELECT r.flag_id, unnest(r.evidence) AS e
  FROM flag_run AS r
  JOIN flag_fresh AS f ON f.flag_id = r.flag_id
) AS x
LEFT JOIN load_log AS l ON l.load_id = x.e.load_id
CROSS JOIN refresh_context AS c;
