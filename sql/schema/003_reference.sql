-- @produces: divisions
-- Administrative divisions (GB/T 2260, as of 2023-06-30): provinces, prefecture-level cities and county-level
-- units, loaded from data/reference/divisions.csv by pipeline/reference/divisions-table.ts when the file
-- changes (its SHA-256 is kept in reference_sources). National benchmarks are NOT here: they are the dataset
-- national_benchmarks, ingested like any other file (data/reference/national_benchmarks.csv).

CREATE TABLE IF NOT EXISTS divisions (
  region_code    VARCHAR PRIMARY KEY,   -- 6 digits
  name           VARCHAR NOT NULL,
  level          VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
  province_code  VARCHAR NOT NULL,      -- XX0000; a province's own code for a province
  city_code      VARCHAR                -- XXXX00 of the prefecture-level city (own code for a city); NULL for a
                                        -- province and for a county directly under a municipality or province
);
