// The two dictionaries and the table downloads.
import { describe, expect, it } from 'vitest';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';
import { label } from '../../pipeline/vocabulary/index.ts';
import { toCsv } from '../../dashboard/src/components/download.ts';

describe('UI dictionaries', () => {
  it('give every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(zh)) expect(v, k).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
  });

  it('use the glossary terms for the navigation and statuses', () => {
    expect([
      zh['nav.overview'],
      zh['nav.indicators'],
      zh['nav.region'],
      zh['nav.spotchecks'],
      zh['nav.watchlist'],
      zh['nav.data'],
      zh['nav.upload'],
    ]).toEqual(['总览', '指标', '地区', '抽查', '摘牌观察名单', '数据', '上传']);
    expect(['met', 'not_met', 'no_data', 'provisional'].map((s) => label('metricStatus', s, 'zh'))).toEqual([
      '达标',
      '未达标',
      '无数据',
      '暂定',
    ]);
  });
});

describe('CSV download', () => {
  it('starts with a UTF-8 byte-order mark so Excel opens Chinese text, and quotes commas and quotes', () => {
    const csv = toCsv(
      [{ a: '东城区', b: 'x, "y"', c: null, d: true }],
      [
        { header: '地区', value: (r) => r.a },
        { header: '说明', value: (r) => r.b },
        { header: '数值', value: (r) => r.c },
        { header: '达标', value: (r) => r.d },
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('地区,说明,数值,达标\r\n东城区,"x, ""y""",,true');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
