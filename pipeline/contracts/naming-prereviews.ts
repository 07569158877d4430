import { ROUND_ID_COLUMN, ROUND_ID_RULE } from './naming-fields.ts';
import type { DatasetContract } from './types.ts';

export const namingPrereviews: DatasetContract = {
  name: 'naming_prereviews',
  zh: '初审推荐',
  description:
    "The provincial office's pre-review of each applicant (三(二) 初审推荐): recommended or not, its place on the province's recommendation list, and the opinion.",
  key: ['round_id', 'region_code'],
  columns: [
    ROUND_ID_COLUMN,
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
    ROUND_ID_RULE,
    {
      code: 'rank_without_recommendation',
      column: 'province_rank',
      check: 'recommended OR province_rank IS NULL',
      zh: '未推荐的申报地区不应有省内排名',
      message: 'province_rank is given to an applicant that is not recommended',
    },
  ],
};
