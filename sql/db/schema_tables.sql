-- @produces: how many tables the opened database file holds (n): 0 for a file whose schema was never checkpointed,
-- which is how Database.open knows that an unreplayable log held nothing but a first setup (pipeline/db/database.ts).
SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database();
