import { ROUND_ID_PATTERN } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingPrereviews: DatasetContract = {
  name: 'naming_prereviews',
  zh: '初审推荐',
  description:
    "The provincial office's pre-review of each applicant (三(二) 初审推荐): recommended or not, its place on the province's recommendation list, and the opinion.",
  key: ['round_id', 'region_code'],
  columns: [
    { name: 'round_id', zh: '认定批次', type: 'text', example: '2026' },
    { name: 'region_code', zh: '行政区划代码', type: 'region_code' },
    { name: 'recommended', zh: '是否推荐', type: 'boolean', required: true },
    {
      name: 'province_rank',
      zh: '省内排序',
      type: 'int',
      min: 1,
      max: 1000,
      note: 'place on the recommendation list (1 = first); empty when not recommended',
    },
    { name: 'opinion', zh: '推荐意见', type: 'text', optional: true },
    { name: 'reviewed_on', zh: '初审日期', type: 'date', optional: true },
  ],
  rules: [
    {
      code: 'bad_round_id',
      column: 'round_id',
      check: `regexp_full_match(round_id, '${ROUND_ID_PATTERN}')`,
      zh: '轮次编号应为认定年份，可带后缀（如 2026、2026-b）',
      message: 'round_id must be the round year, optionally with a suffix (2026, 2026-b)',
    },
    {
      code: 'rank_without_recommendation',
      column: 'province_rank',
      check: 'recommended OR province_rank IS NULL',
      zh: '未推荐的申报地区不应有省内排名',
      message: 'province_rank is given to an applicant that is not recommended',
    },
  ],
};
