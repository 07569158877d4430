-- @produces: draws.allocation_rule, draws.per_stratum_minimum, draw_selection.inclusion_probability
-- How a draw shared its sample over strata (pipeline/spotcheck/allocation.ts). allocation_rule is 'hamilton' for
-- draws made from this version on; NULL on older rows means their rule, 'ceil_per_stratum', so that verify and
-- the certificate still reproduce them. inclusion_probability is k_s / N_s of the selected region's stratum.
ALTER TABLE draws ADD COLUMN IF NOT EXISTS allocation_rule VARCHAR;
ALTER TABLE draws ADD COLUMN IF NOT EXISTS per_stratum_minimum INTEGER;
ALTER TABLE draw_selection ADD COLUMN IF NOT EXISTS inclusion_probability DOUBLE;
