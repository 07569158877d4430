-- @produces: the rows of an inspector CSV, typed, each with its physical line and every problem found (a list of
--            a code and the value it rests on, one per bad cell, never a sentence; empty when the row is fine)
-- @params: $path VARCHAR
-- The columns are declared, never sniffed: a file that lacks one or has them in another order fails here
-- instead of loading shifted values. All are read as text so that bad values become problems, not read errors.
WITH raw AS (
  SELECT row_number() OVER () + 1 AS line, *
  FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', encoding = 'utf-8',
    columns = {'inspector_id': 'VARCHAR', 'name': 'VARCHAR', 'home_province_code': 'VARCHAR',
               'load_cap': 'VARCHAR', 'active': 'VARCHAR'})
),
typed AS (
  SELECT line,
    trim(inspector_id) AS inspector_id,
    trim(name) AS name,
    trim(home_province_code) AS home_province_code,
    TRY_CAST(trim(load_cap) AS INTEGER) AS load_cap,
    CASE lower(trim(coalesce(active, '')))
      WHEN '' THEN true WHEN 'true' THEN true WHEN '1' THEN true WHEN 'yes' THEN true WHEN '是' THEN true
      WHEN 'false' THEN false WHEN '0' THEN false WHEN 'no' THEN false WHEN '否' THEN false
    END AS active,
    load_cap AS load_cap_text, active AS active_text,
    count(*) OVER (PARTITION BY trim(inspector_id)) AS copies
  FROM raw
)
SELECT line, inspector_id, name, home_province_code, load_cap, active,
  -- every bad cell as a code and the value it rests on (pipeline/vocabulary words it: inspectors.*)
  list_filter([
    CASE WHEN coalesce(inspector_id, '') = '' THEN {'code': 'empty_id', 'value': ''} END,
    -- the template's example rows (dashboard/src/features/inspectors/parse.ts, EXAMPLE_ID_PREFIX): never imported
    CASE WHEN starts_with(coalesce(inspector_id, ''), '示例') THEN {'code': 'example_row', 'value': inspector_id} END,
    CASE WHEN coalesce(inspector_id, '') <> '' AND NOT starts_with(inspector_id, '示例') AND copies > 1
         THEN {'code': 'duplicate_id', 'value': inspector_id} END,
    CASE WHEN coalesce(name, '') = '' THEN {'code': 'empty_name', 'value': ''} END,
    CASE WHEN NOT regexp_full_match(coalesce(home_province_code, ''), '\d{2}0000')
         THEN {'code': 'bad_province', 'value': coalesce(home_province_code, '')} END,
    CASE WHEN load_cap IS NULL OR load_cap < 0 THEN {'code': 'bad_load_cap', 'value': coalesce(load_cap_text, '')} END,
    CASE WHEN active IS NULL THEN {'code': 'bad_active', 'value': coalesce(active_text, '')} END
  ], x -> x IS NOT NULL) AS problems,
  copies
FROM typed
ORDER BY line;
