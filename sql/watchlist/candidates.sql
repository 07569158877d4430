-- @produces: temp table watchlist_candidates — what the data says belongs on the revocation watchlist
-- @source: incidents, regions, flags (self_report_contradiction), spotcheck_below_bar (temp, from
--          pipeline/spotcheck findingsBelowBar), load_log
-- Grounds of section 四(三): (1) serious_violation / inaction incidents; (2) false_materials incidents; (3) spot-check
-- findings below the bar, from a committed draw (unlinked findings are listed as needing review, not as grounds);
-- (4) other: entered by an analyst only. Integrity signals (active self_report_contradiction flags) are listed with
-- is_ground = false: they need review and are never grounds by themselves. Only designated regions are listed.
-- Each entry carries its kind and params (JSON); pipeline/vocabulary words the summary.
CREATE OR REPLACE TEMP TABLE watchlist_candidates AS
WITH designated AS (
  SELECT region_code FROM regions WHERE designation <> 'none'
),
events AS (
  SELECT
    i.region_code, year(i.occurred_at) AS year,
    CASE WHEN i.kind = 'false_materials' THEN 2 ELSE 1 END AS ground,
    i.kind, true AS is_ground, 'incident:' || i.event_id AS source_key,
    json_object('description', i.description, 'occurred_at', strftime(i.occurred_at, '%Y-%m-%d %H:%M'), 'source', i.source) AS params,
    to_json([{'dataset': 'incidents', 'record_id': i.event_id, 'file_name': l.file_name, 'line': i._line}]) AS evidence
  FROM incidents AS i
  LEFT JOIN load_log AS l ON l.load_id = i._load_id
  WHERE i.kind IN ('serious_violation', 'inaction', 'false_materials')
),
spotchecks AS (
  SELECT
    b.region_code, b.year, 3 AS ground,
    CASE WHEN b.linked THEN 'spotcheck_below_bar' ELSE 'spotcheck_unlinked' END AS kind,
    b.linked AS is_ground, 'spotcheck:' || b.year AS source_key,
    json_object('year', b.year, 'findings', b.findings, 'met', b.met, 'unmet_indicators', b.unmet_indicators) AS params,
    to_json(list({'dataset': 'spotcheck_findings', 'record_id': f.region_code || '|' || f.year || '|' || f.indicator_no,
      'file_name': l.file_name, 'line': f._line} ORDER BY f.indicator_no)) AS evidence
  FROM spotcheck_below_bar AS b
  JOIN spotcheck_findings AS f ON f.region_code = b.region_code AND f.year = b.year AND NOT f.met
  LEFT JOIN load_log AS l ON l.load_id = f._load_id
  GROUP BY ALL
),
signals AS (
  SELECT
    g.region_code, g.year, NULL::INTEGER AS ground, 'integrity_signal' AS kind, false AS is_ground, 'flag:' || g.flag_id AS source_key,
    json_merge_patch(g.numbers, json_object('year', g.year, 'rule_id', g.rule_id)) AS params,
    coalesce((SELECT to_json(list({'dataset': e.dataset, 'record_id': e.record_id, 'file_name': e.file_name, 'line': e.line}))
              FROM flag_evidence AS e WHERE e.flag_id = g.flag_id), '[]') AS evidence
  FROM flags AS g
  WHERE g.rule_id = 'self_report_contradiction' AND g.status = 'active'
)
SELECT md5(concat_ws('|', kind, region_code, source_key)) AS entry_id, *
FROM (SELECT * FROM events UNION ALL SELECT * FROM spotchecks UNION ALL SELECT * FROM signals)
WHERE region_code IN (SELECT region_code FROM designated);
