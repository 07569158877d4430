-- @produces: the rows of an inspector CSV, typed, each with its physical line and the first problem found
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
  CASE
    WHEN coalesce(inspector_id, '') = '' THEN 'inspector_id is empty'
    WHEN copies > 1 THEN 'inspector_id ' || inspector_id || ' appears ' || copies || ' times in the file'
    WHEN coalesce(name, '') = '' THEN 'name is empty'
    WHEN NOT regexp_full_match(coalesce(home_province_code, ''), '\d{2}0000')
      THEN 'home_province_code must be a province code (6 digits ending 0000), found "' || coalesce(home_province_code, '') || '"'
    WHEN load_cap IS NULL OR load_cap < 0
      THEN 'load_cap must be a whole number >= 0, found "' || coalesce(load_cap_text, '') || '"'
    WHEN active IS NULL THEN 'active must be true/false (or 1/0, yes/no, 是/否), found "' || active_text || '"'
  END AS problem
FROM typed
ORDER BY line;
