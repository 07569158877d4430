-- @produces: the inspector register with each inspector's teams in the year's committed, current draws
-- @source: inspectors, draw_inspectors, draws, provinces
-- @params: $year INTEGER
SELECT i.inspector_id, i.name, i.home_province_code, i.load_cap, i.active,
       CAST(count(d.draw_id) AS INTEGER) AS load_this_year
FROM inspectors AS i
LEFT JOIN draw_inspectors AS a ON a.inspector_id = i.inspector_id
LEFT JOIN draws AS d ON d.draw_id = a.draw_id AND d.year = $year AND d.state = 'committed' AND d.superseded_by IS NULL
GROUP BY ALL
ORDER BY i.inspector_id;
