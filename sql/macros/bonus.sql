-- @produces: temporary table macro bonus_items (the two bonus items of area 9, sql/indicators/bonus.*.sql)
-- A bonus item (附加项) counted from incidents of one kind, by region and the year they occurred: the count is the
-- value, the incidents (the first 50, in load order) its evidence. Only a region with such an incident gets a row
-- (met); the others have no data, never "not met": a bonus item is not a requirement. One definition for both
-- items, which differ only in the kind they count ('award': 加分项 1, 'promoted': 加分项 2).
CREATE OR REPLACE TEMP MACRO bonus_items(item_kind) AS TABLE
  SELECT
    region_code,
    year(occurred_at) AS year,
    count(*) AS numerator,
    NULL AS denominator,
    count(*) AS value,
    count(*) AS evidence_count,
    list_slice(list({'record_id': event_id, 'load_id': _load_id, 'line': _line} ORDER BY _load_id, _line), 1, 50) AS evidence
  FROM incidents
  WHERE kind = item_kind
  GROUP BY region_code, year(occurred_at);
