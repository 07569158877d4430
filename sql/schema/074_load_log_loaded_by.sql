-- @produces: load_log.loaded_by, the account that asked for the load: the user of a dashboard upload (the 数据 page's
-- load list shows it beside the source); NULL for the inbox, the command line, the demo and rows written before.
ALTER TABLE load_log ADD COLUMN loaded_by VARCHAR;
