// The metrics a single-item field (单项示范, 二(二)) is measured on: an applicant for a field "在全国范围内居于领先地位"
// when its figures on these metrics lead all regions. Our reading of which annex metrics belong to which field the
// seed names; a field the region states itself (其他) has no metrics and is judged by the evaluation alone.
export const FIELD_METRICS: Record<string, string[]> = {
  business_environment: [
    'business.setup_days',
    'services.online_rate',
    'services.one_window_rate',
    'services.one_trip_items',
  ],
  ongoing_supervision: ['enforcement.publish_7wd', 'enforcement.publish_20wd', 'enforcement.stats_published_on_time'],
  administrative_rules: [
    'normative.legal_review',
    'normative.review_time',
    'normative.filed',
    'normative.filed_on_time',
    'normative.conforming',
    'decisions.legal_review',
    'decisions.collective',
  ],
  three_enforcement_systems: [
    'enforcement.publish_7wd',
    'enforcement.publish_20wd',
    'enforcement.major_legal_review',
    'enforcement.review_staff_agencies',
  ],
  reconsideration: ['reconsideration.on_time'],
  other: [],
};

export function fieldMetricPairs(): Array<{ field: string; metric_id: string }> {
  return Object.entries(FIELD_METRICS).flatMap(([field, ms]) => ms.map((metric_id) => ({ field, metric_id })));
}
