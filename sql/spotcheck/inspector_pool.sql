-- @produces: the inspector pool for a draw: active inspectors with their load so far in the draw's year
-- @source: inspectors, draw_inspectors, draws
-- @params: $year INTEGER, $draw_id INTEGER (the draw being computed; its own rows never count)
-- Rule: prior_load counts assignments in committed draws of the same year that are still current
-- (superseded_by IS NULL); a superseded draw's teams no longer go anywhere, so they do not count.
SELECT
  i.inspector_id,
  i.home_province_code,
  i.load_cap,
  CAST(count(d.draw_id) AS INTEGER) AS prior_load
FROM inspectors AS i
LEFT JOIN draw_inspectors AS a ON a.inspector_id = i.inspector_id
LEFT JOIN draws AS d
  ON d.draw_id = a.draw_id AND d.year = $year AND d.state = 'committed' AND d.superseded_by IS NULL
  AND d.draw_id <> $draw_id
WHERE i.active
GROUP BY ALL
ORDER BY i.inspector_id;
