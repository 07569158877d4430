-- @produces: the rows of an inspector CSV, typed, each with its physical line and the first problem found (a code
--            and the value it rests on, never a sentence)
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
  -- the first problem as a code and the value it rests on (pipeline/vocabulary words it: inspectors.*)
  CASE
    WHEN coalesce(inspector_id, '') = '' THEN 'empty_id'
    WHEN copies > 1 THEN 'duplicate_id'
    WHEN coalesce(name, '') = '' THEN 'empty_name'
    WHEN NOT regexp_full_match(coalesce(home_province_code, ''), '\d{2}0000') THEN 'bad_province'
    WHEN load_cap IS NULL OR load_cap < 0 THEN 'bad_load_cap'
    WHEN active IS NULL THEN 'bad_active'
  END AS problem,
  CASE
    WHEN copies > 1 THEN inspector_id
    WHEN NOT regexp_full_match(coalesce(home_province_code, ''), '\d{2}0000') THEN coalesce(home_province_code, '')
    WHEN load_cap IS NULL OR load_cap < 0 THEN coalesce(load_cap_text, '')
    ELSE active_text
  END AS problem_value,
  copies
FROM typed
ORDER BY line;
