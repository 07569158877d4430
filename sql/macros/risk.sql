-- @produces: temporary macro in_designation_term, the one definition of "a designated region in its term" in year y
-- Named (designation <> none), its batch year reached, and not revoked before y (revocations, spot-check schema).
CREATE OR REPLACE TEMP MACRO in_designation_term(designation, batch, code, y) AS
  designation <> 'none' AND batch <= y
  AND NOT EXISTS (SELECT 1 FROM revocations AS v WHERE v.region_code = code AND year(v.revoked_on) < y);
