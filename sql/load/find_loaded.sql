-- @produces: the earlier successful load of the same content into the same dataset, if any (repeat = no-op).
-- $1 sha256, $2 dataset
SELECT load_id, file_name FROM load_log WHERE sha256 = $1 AND dataset = $2 AND status = 'loaded' ORDER BY load_id LIMIT 1;
