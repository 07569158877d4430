-- @produces: one row of counts of what a round holds, for its status: applications, pre-reviews, results, lists,
--            notice and decisions (scoped to a province when $province is given)
-- @params: $round VARCHAR, $province VARCHAR or NULL
WITH apps AS (
  SELECT region_code FROM naming_applications
  WHERE round_id = $round AND ($province IS NULL OR substr(region_code, 1, 2) || '0000' = $province)
)
SELECT
  (SELECT count(*) FROM apps) AS applications,
  (SELECT count(*) FROM naming_applications WHERE round_id = $round AND kind = 'comprehensive'
     AND region_code IN (SELECT region_code FROM apps)) AS comprehensive,
  (SELECT count(*) FROM naming_applications WHERE round_id = $round AND kind = 'single'
     AND region_code IN (SELECT region_code FROM apps)) AS single,
  (SELECT count(DISTINCT region_code) FROM naming_self_assessments WHERE round_id = $round
     AND region_code IN (SELECT region_code FROM apps)) AS self_assessed,
  (SELECT count(DISTINCT region_code) FROM naming_reports WHERE round_id = $round
     AND region_code IN (SELECT region_code FROM apps)) AS reports,
  (SELECT count(*) FROM naming_prereviews WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)) AS prereviewed,
  (SELECT count(*) FROM naming_prereviews WHERE round_id = $round AND recommended
     AND region_code IN (SELECT region_code FROM apps)) AS recommended,
  (SELECT count(DISTINCT region_code) FROM naming_third_party WHERE round_id = $round
     AND region_code IN (SELECT region_code FROM apps)) AS third_party,
  (SELECT count(*) FROM naming_satisfaction WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)) AS satisfaction,
  (SELECT count(*) FROM naming_field_check_lists WHERE round_id = $round) AS field_check_lists,
  (SELECT count(DISTINCT region_code) FROM naming_field_checks WHERE round_id = $round
     AND region_code IN (SELECT region_code FROM apps)) AS field_checked,
  (SELECT count(*) FROM naming_candidates WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)) AS candidates,
  (SELECT count(*) FROM naming_notices WHERE round_id = $round) AS notices,
  (SELECT count(*) FROM naming_objections WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)) AS objections,
  (SELECT count(*) FROM naming_objections WHERE round_id = $round AND handling = 'pending'
     AND region_code IN (SELECT region_code FROM apps)) AS objections_pending,
  (SELECT count(*) FROM naming_decisions WHERE round_id = $round AND decision = 'named'
     AND region_code IN (SELECT region_code FROM apps)) AS named,
  (SELECT count(*) FROM naming_decisions WHERE round_id = $round AND region_code IN (SELECT region_code FROM apps)) AS decided;
