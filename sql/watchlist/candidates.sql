-- @produces: temp table watchlist_candidates — what the data says belongs on the revocation watchlist
-- @source: incidents, regions, flags (self_report_contradiction), spotcheck_below_bar (temp, from
--          pipeline/spotcheck findingsBelowBar), load_log
-- Grounds of section 四(三): (1) serious_violation / inaction incidents inside the designation term (earlier ones:
-- concealment_signal, ground 2, not a ground by itself); (2) false_materials incidents; (3) spot-check
-- findings below the bar, from a committed draw (unlinked findings are listed as needing review, not as grounds);
-- (4) other: entered by an analyst only. Integrity signals (active self_report_contradiction flags) are listed with
-- is_ground = false: they need review and are never grounds by themselves. Only designated regions are listed.
-- Each entry carries its kind and params (JSON); pipeline/vocabulary words the summary. Evidence records carry the
-- load id and line, by which the dashboard opens the source row (GET /api/records/...).
CREATE OR REPLACE TEMP TABLE watchlist_candidates AS
WITH designated AS (
  SELECT region_code FROM regions WHERE designation <> 'none'
),
events AS (
  -- Ground 1 counts what happened inside the designation term (from designated_on, else 1 January of the batch
  -- year). A serious violation or inaction from before the naming is not ground 1; it is listed as a possible
  -- concealment (ground 2: "隐瞒事实真相…获取示范命名") for review, never a ground by itself.
  SELECT
    i.region_code, year(i.occurred_at) AS year,
    CASE WHEN i.kind = 'false_materials' OR NOT in_term THEN 2 ELSE 1 END AS ground,
    CASE WHEN i.kind <> 'false_materials' AND NOT in_term THEN 'concealment_signal' ELSE i.kind END AS kind,
    i.kind = 'false_materials' OR in_term AS is_ground, 'incident:' || i.event_id AS source_key,
    json_object('incident_kind', i.kind, 'description', i.description, 'occurred_at', strftime(i.occurred_at, '%Y-%m-%d %H:%M'), 'source', i.source) AS params,
    to_json([{'dataset': 'incidents', 'record_id': i.event_id, 'load_id': i._load_id, 'file_name': l.file_name, 'line': i._line}]) AS evidence
  FROM (
    SELECT i.*, CAST(i.occurred_at AS DATE) >= coalesce(g.designated_on, make_date(CAST(g.batch AS INTEGER), 1, 1)) AS in_term
    FROM incidents AS i
    JOIN regions AS g ON g.region_code = i.region_code AND g.designation <> 'none'
  ) AS i
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
      'load_id': f._load_id, 'file_name': l.file_name, 'line': f._line} ORDER BY f.indicator_no)) AS evidence
  FROM spotcheck_below_bar AS b
  JOIN spotcheck_findings AS f ON f.region_code = b.region_code AND f.year = b.year AND NOT f.met
  LEFT JOIN load_log AS l ON l.load_id = f._load_id
  GROUP BY ALL
),
signals AS (
  SELECT
    g.region_code, g.year, NULL::INTEGER AS ground, 'integrity_signal' AS kind, false AS is_ground, 'flag:' || g.flag_id AS source_key,
    json_merge_patch(g.numbers, json_object('year', g.year, 'rule_id', g.rule_id)) AS params,
    coalesce((SELECT to_json(list({'dataset': e.dataset, 'record_id': e.record_id, 'load_id': e.load_id, 'file_name': e.file_name, 'line': e.line}))
              FROM flag_evidence AS e WHERE e.flag_id = g.flag_id), '[]') AS evidence
  FROM flags AS g
  WHERE g.rule_id = 'self_report_contradiction' AND g.status = 'active'
)
SELECT md5(concat_ws('|', kind, region_code, source_key)) AS entry_id, *
FROM (SELECT * FROM events UNION ALL SELECT * FROM spotchecks UNION ALL SELECT * FROM signals)
WHERE region_code IN (SELECT region_code FROM designated);
