-- @produces: refresh_digests of this run (in its transaction, with the results they describe)
DELETE FROM refresh_digests;
INSERT INTO refresh_digests SELECT part, digest FROM refresh_digests_now;
