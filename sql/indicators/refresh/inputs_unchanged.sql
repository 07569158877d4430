-- @produces: unchanged BOOLEAN — whether what every year depends on is as in the latest run (else: a full refresh)
SELECT count(*) = 1 AS unchanged
FROM refresh_digests_now AS n
JOIN refresh_digests AS s ON s.part = n.part AND s.digest = n.digest
WHERE n.part = 'inputs';
