-- @produces: funnel_limits and refresh_runs columns for the over-dispersion test, the model used and the false-discovery
-- control; scorecard columns for the bar counted per seed indicator No., the partial year and the composite's
-- comparable metric set and rank interval (pipeline/indicators/README.md "Scorecard and funnel plots").
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS model VARCHAR;        -- exact | additive | multiplicative
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS tau2 DOUBLE;         -- DerSimonian–Laird τ² (additive model)
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS chi2 DOUBLE;         -- I·φ, the over-dispersion test statistic
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS chi2_df INTEGER;     -- I − 1
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS chi2_p DOUBLE;       -- P(χ² >= I·φ)
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS p_value DOUBLE;      -- two-sided p of the point under the model
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS q_value DOUBLE;      -- Benjamini–Hochberg adjusted p over the year's tests
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS fdr_q DOUBLE;        -- the false-discovery rate applied
ALTER TABLE funnel_limits ADD COLUMN IF NOT EXISTS discovery BOOLEAN;   -- q_value <= fdr_q

ALTER TABLE refresh_runs ADD COLUMN IF NOT EXISTS funnel_model VARCHAR; -- model applied where over-dispersion is found
ALTER TABLE refresh_runs ADD COLUMN IF NOT EXISTS fdr_q DOUBLE;

ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS items_met INTEGER;       -- seed indicator Nos. met (all their metrics met)
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS items_assessed INTEGER;  -- Nos. with at least one assessed metric
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS metric_conformance DOUBLE; -- metrics_met / metrics_assessed (the per-metric view; conformance is per No.)
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS year_complete BOOLEAN;   -- the data's date is on or after 1 February of year + 1
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS metric_set VARCHAR;      -- md5 of the assessed metric ids: ranks compare equal sets only
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS rank_low INTEGER;        -- 5th percentile of rank under random weights
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS rank_high INTEGER;       -- 95th percentile
