-- @produces: the base tables of the main database (not temp tables, not views), whose rows a backup counts
SELECT table_name AS name
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
ORDER BY table_name;
