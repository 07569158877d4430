import { describe, expect, it } from 'vitest';
import { resolvePublisher } from '../../pipeline/disclosure-reports/index.ts';

describe('resolving a publisher to its region', () => {
  it.each([
    ['中卫市人民政府', '640500'],
    ['中卫市人民政府办公室', '640500'],
    ['中卫市交通运输局', '640500'],
    ['宁夏回族自治区中卫市沙坡头区财政局', '640502'],
    ['中卫市沙坡头区文昌镇人民政府', '640502'],
    ['沙坡头区人民政府', '640502'],
    ['吉林市人民政府', '220200'],
    ['北京市朝阳区人民政府', '110105'],
    ['汉中市镇巴县人\u2EA0政府', '610728'],
  ])('%s belongs to %s', (name, code) => {
    expect(resolvePublisher(name)).toMatchObject({ code });
  });

  it('refuses a name that fits two divisions equally, listing both', () => {
    const r = resolvePublisher('朝阳区人民政府');
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(/110105 朝阳区、220104 朝阳区/);
  });

  it('refuses a name that holds no division name rather than guessing', () => {
    expect(resolvePublisher('高新技术产业开发区管理委员会')).toHaveProperty('error');
  });
});
