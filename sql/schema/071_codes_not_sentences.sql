-- @produces: flags without message_zh, watchlist_entries with params instead of summary_zh
-- SQL returns codes and parameters, never sentences: a flag is its rule_id and numbers (JSON), a watchlist entry its
-- kind and params (JSON); pipeline/vocabulary renders them in the reader's language. An entry written before this
-- migration keeps its Chinese summary as params.text, which the vocabulary shows as it was.
ALTER TABLE flags DROP COLUMN message_zh;

ALTER TABLE watchlist_entries ADD COLUMN params VARCHAR;

UPDATE watchlist_entries SET params = json_object('text', summary_zh);

ALTER TABLE watchlist_entries DROP COLUMN summary_zh;
