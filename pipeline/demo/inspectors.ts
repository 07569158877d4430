// The demo's inspector register (检查员名录) for the 双随机 draw: without one a draw on the demo database stops with
// "not enough eligible inspectors". Deterministic (no random stream): per province, one inspector for every five
// demonstration regions and at least two, load cap 4, so a 10% draw with teams of two always finds eligible
// inspectors from other provinces. Returned as CSV text in the register's own header; the `demo` and `start`
// commands import it (a register is not a dataset of the loader, so it is not written into the inbox).
import type { World } from './world.ts';

export const INSPECTOR_HEADER = 'inspector_id,name,home_province_code,load_cap,active';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = [
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '丽娜',
];

export function demoInspectorsCsv(world: Pick<World, 'provinces'>): string {
  const lines = [INSPECTOR_HEADER];
  let n = 0;
  for (const p of world.provinces) {
    const count = Math.max(2, Math.ceil(p.regions.length / 5));
    for (let i = 0; i < count; i++, n++) {
      const name = SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!;
      lines.push(`JC${p.code.slice(0, 2)}${String(i + 1).padStart(3, '0')},${name},${p.code},4,true`);
    }
  }
  return `${lines.join('\n')}\n`;
}
