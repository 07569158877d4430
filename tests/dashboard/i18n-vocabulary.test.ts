// The dashboard words codes with the vocabulary in the page's language: a flag names its metric in that language
// once the metrics are known, and a page's own choice (a filter's "none") still comes from the page dictionary.
import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../dashboard/src/i18n/make.ts';

const numbers = {
  metric_id: 'satisfaction.rate',
  metric_name_zh: '群众对化解矛盾纠纷工作满意度',
  unit: 'rate',
  value: 0.7,
  numerator: 70,
  denominator: 100,
  threshold: 0.8,
  direction: 'higher',
};
const names = (id: string, lang: 'zh' | 'en') =>
  id === 'satisfaction.rate' ? (lang === 'zh' ? '满意度' : 'Satisfaction with dispute resolution') : undefined;

describe('dashboard words from the vocabulary', () => {
  it('names the metric of a flag in English in English mode, never in Chinese', () => {
    const en = makeI18n('en', () => {}, names).flagMessage('metric_not_met', JSON.stringify(numbers), 2024);
    expect(en).toBe('2024 Satisfaction with dispute resolution not met: 70.0% (70/100), standard ≥80.0%');
    expect(/[\u4e00-\u9fff]/.test(makeI18n('en').flagMessage('metric_not_met', numbers, 2024))).toBe(false);
  });

  it('labels vocabulary codes from the vocabulary and page choices from the page dictionary', () => {
    const zh = makeI18n('zh');
    expect(zh.label('triage', 'dismissed')).toBe('已排除');
    expect(zh.label('riskRule', 'report_late')).toBe('年度报告逾期报送');
    expect(zh.label('triage', 'none')).toBe('未处理');
    expect(makeI18n('en').label('tier', 'grounds')).toBe('Grounds for revocation');
  });
});
