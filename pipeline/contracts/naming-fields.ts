// The single-item fields (单项示范项目) the seed names in 二(二), as codes with their Chinese names. A region may state
// another field (`other`, 其他) and name it. Shared by the applications contract, the rounds and the labels.
import type { Column, EnumValue, RowRule } from './types.ts';

export const NAMING_FIELDS: EnumValue[] = [
  {
    value: 'business_environment',
    zh: '优化法治化营商环境',
    en: 'Law-based business environment',
    aliases: ['营商环境'],
  },
  {
    value: 'ongoing_supervision',
    zh: '加强事中事后监管',
    en: 'Supervision during and after approval',
    aliases: ['事中事后监管'],
  },
  {
    value: 'administrative_rules',
    zh: '完善依法行政制度',
    en: 'Rules for law-based administration',
    aliases: ['依法行政制度'],
  },
  {
    value: 'three_enforcement_systems',
    zh: '全面推行行政执法“三项制度”',
    en: 'The three systems of administrative enforcement',
    aliases: ['执法三项制度', '行政执法三项制度'],
  },
  { value: 'reconsideration', zh: '健全行政复议体制机制', en: 'Administrative reconsideration', aliases: ['行政复议'] },
  { value: 'other', zh: '其他', en: 'Other', aliases: ['其他法治政府建设工作'] },
];

/** A round id: the round's year, optionally with a suffix (`2026`, `2026-b`). */
export const ROUND_ID_PATTERN = '^[0-9]{4}(-[0-9a-z]+)?$';

/** The round id column every naming dataset keys on, and its rule: written once for the seven contracts. */
export const ROUND_ID_COLUMN: Column = { name: 'round_id', zh: '认定批次', type: 'text', example: '2026' };
export const ROUND_ID_RULE: RowRule = {
  code: 'bad_round_id',
  column: 'round_id',
  check: `regexp_full_match(round_id, '${ROUND_ID_PATTERN}')`,
  zh: '轮次编号应为认定年份，可带后缀（如 2026、2026-b）',
  message: 'round_id must be the round year, optionally with a suffix (2026, 2026-b)',
};
