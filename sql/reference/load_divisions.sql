-- @produces: divisions (the caller empties the table first, in the same transaction)
-- @params: $path  the divisions CSV (data/reference/divisions.csv)
-- Explicit columns and no auto-detection: the file is ours and its shape is fixed; a change must fail loudly.
INSERT INTO divisions (region_code, name, level, province_code, city_code)
SELECT region_code, name, level, province_code, nullif(city_code, '')
FROM read_csv($path,
              header = true,
              auto_detect = false,
              delim = ',',
              quote = '"',
              columns = {
                'region_code': 'VARCHAR',
                'name': 'VARCHAR',
                'level': 'VARCHAR',
                'province_code': 'VARCHAR',
                'city_code': 'VARCHAR'
              });
