-- @produces: the headline figures of a year over the one population every view counts (overview, region list,
--            risk queue, export, `shifan indicators --summary`): the regions in their designation term in $year
--            (macro in_designation_term, sql/macros/risk.sql) — how many, how many meet the bar / miss it / are not
--            judged (no scorecard, or a year not yet complete), active high-severity flags on them and the regions
--            carrying one — without the flags an analyst dismissed on the evidence they still have, as the risk
--            queue leaves them out (sql/risk/facts.sql) — and the regions with an open revocation-watchlist entry.
-- @params: $year INTEGER, $province VARCHAR or NULL (the caller's province; NULL = the whole country)
WITH pop AS (
  SELECT r.region_code
  FROM regions AS r
  WHERE ($province IS NULL OR r.province_code = $province)
    AND coalesce(in_designation_term(r.designation, r.batch, r.region_code, $year), false)
),
high AS (
  SELECT f.region_code, count(*) AS n
  FROM flags AS f
  JOIN pop ON pop.region_code = f.region_code
  LEFT JOIN flag_triage AS t ON t.flag_id = f.flag_id
  WHERE f.year = $year AND f.status = 'active' AND f.severity = 'high'
    AND coalesce(triage_state(t.decision, t.evidence_hash, f.numbers, f.evidence_count) <> 'dismissed', true)
  GROUP BY f.region_code
)
SELECT CAST($year AS INTEGER) AS year,
       CAST(count(*) AS INTEGER) AS regions,
       CAST(count(*) FILTER (WHERE s.meets_bar) AS INTEGER) AS met,
       CAST(count(*) FILTER (WHERE NOT s.meets_bar) AS INTEGER) AS not_met,
       CAST(count(*) FILTER (WHERE s.meets_bar IS NULL) AS INTEGER) AS not_judged,
       CAST(coalesce((SELECT sum(n) FROM high), 0) AS INTEGER) AS high_flags,
       CAST((SELECT count(*) FROM high) AS INTEGER) AS high_regions,
       CAST((SELECT count(DISTINCT w.region_code) FROM watchlist_entries AS w JOIN pop ON pop.region_code = w.region_code
             WHERE w.status NOT IN ('cleared', 'revoked')) AS INTEGER) AS watchlist_regions
FROM pop
LEFT JOIN scorecard AS s ON s.region_code = pop.region_code AND s.year = $year;
