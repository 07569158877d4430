// Which region a publisher belongs to, from its name and the divisions reference (GB/T 2260): the longest
// reading of the name as province → city → county names. A county's departments and townships belong to the
// county, a city's departments to the city. A name that reads no division, or reads two equally well (朝阳区 is
// both in 北京 and 长春), is not resolved: the caller rejects the report rather than guess.
import { allDivisions, type Division } from '../reference/index.ts';
import { unifyCharacters } from './document.ts';

export type Resolution = { code: string; name: string } | { error: string };

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

interface Chain {
  divisions: Division[];
  consumed: number;
}

let index: { provinces: Division[]; cities: Division[]; counties: Division[] } | undefined;

function divisions() {
  if (!index) {
    const all = allDivisions();
    index = {
      provinces: all.filter((d) => d.level === 'province'),
      cities: all.filter((d) => d.level === 'city'),
      counties: all.filter((d) => d.level === 'county'),
    };
  }
  return index;
}

function provinceNames(p: Division): string[] {
  const short = p.name.replace(PROVINCE_SUFFIX, '');
  return short && short !== p.name ? [p.name, short] : [p.name];
}

export function resolvePublisher(publisher: string): Resolution {
  const name = unifyCharacters(publisher).replace(/\s+/g, '');
  const { provinces, cities, counties } = divisions();
  const chains: Chain[] = [];
  const provinceOptions: Array<{ d: Division | null; len: number }> = [{ d: null, len: 0 }];
  for (const p of provinces) {
    const hit = provinceNames(p).find((n) => name.startsWith(n));
    if (hit) provinceOptions.push({ d: p, len: hit.length });
  }
  for (const po of provinceOptions) {
    const afterProvince = name.slice(po.len);
    const inProvince = (d: Division) => !po.d || d.provinceCode === po.d.regionCode;
    const cityOptions: Array<{ d: Division | null; len: number }> = [{ d: null, len: 0 }];
    for (const c of cities)
      if (inProvince(c) && afterProvince.startsWith(c.name)) cityOptions.push({ d: c, len: c.name.length });
    for (const co of cityOptions) {
      const afterCity = afterProvince.slice(co.len);
      const inCity = (d: Division) => inProvince(d) && (!co.d || d.cityCode === co.d.regionCode);
      const countyOptions: Array<{ d: Division | null; len: number }> = [{ d: null, len: 0 }];
      for (const k of counties)
        if (inCity(k) && afterCity.startsWith(k.name)) countyOptions.push({ d: k, len: k.name.length });
      for (const ko of countyOptions) {
        const ds = [po.d, co.d, ko.d].filter((d): d is Division => d !== null);
        if (ds.length) chains.push({ divisions: ds, consumed: po.len + co.len + ko.len });
      }
    }
  }
  if (chains.length === 0)
    return {
      error: `发布机关"${publisher}"的名称中找不到行政区划 (no division name found in the publisher "${publisher}")`,
    };
  const best = Math.max(...chains.map((c) => c.consumed));
  const finals = new Map<string, Division>();
  for (const c of chains.filter((c) => c.consumed === best)) {
    const d = c.divisions[c.divisions.length - 1];
    finals.set(d.regionCode, d);
  }
  if (finals.size > 1) {
    const list = [...finals.values()].map((d) => `${d.regionCode} ${d.name}`).join('、');
    return {
      error: `发布机关"${publisher}"可对应多个行政区划（${list}），请在名称中写明上级地区 (the publisher "${publisher}" matches several divisions: ${list})`,
    };
  }
  const [d] = finals.values();
  return { code: d.regionCode, name: d.name };
}
