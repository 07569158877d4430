-- @produces: loads left "running" by a process that died, marked interrupted (load_id, file_name of each). Only one
-- process can open the database, so any such row found when the database is opened for writing (or at the start
-- of an ingest) belongs to a dead process; its data transaction never committed.
UPDATE load_log SET status = 'interrupted', message = 'the loading process ended before the load committed; nothing of it was kept'
WHERE status = 'running'
RETURNING load_id, file_name;
