-- @produces: load_log.message_code and message_params, the load's message as a code with its figures
-- SQL returns codes and parameters, never sentences: pipeline/vocabulary/rejects.ts (loadMessage) words a load's
-- counts, why it was skipped or why the file was refused in the reader's language. `message` keeps the English text
-- for older readers; a row written before this migration has no code and shows its message as it was.
ALTER TABLE load_log ADD COLUMN message_code VARCHAR;

ALTER TABLE load_log ADD COLUMN message_params VARCHAR;
