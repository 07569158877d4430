// Shared chart settings: status colours, fonts and value formats by unit. No React, no DOM globals.
export const STATUS_COLORS = { met: '#2f6f3e', not_met: '#b3261e', no_data: '#9aa0a6' } as const;
export const INK = '#1f2933';
export const ACCENT = '#1d4e89';
export const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** A tick/label formatter for a metric unit: rates are fractions shown as percentages. */
export function unitFormat(unit: string | undefined): (v: number) => string {
  if (unit === 'rate') return (v) => `${Math.round(v * 1000) / 10}%`;
  return (v) => (Math.abs(v) >= 1000 ? v.toLocaleString('zh-CN') : String(Math.round(v * 100) / 100));
}

export interface BaseOptions {
  width?: number;
  height?: number;
  document?: Document;
}

export const base = (o: BaseOptions, width: number, height: number) => ({
  width: o.width ?? width,
  height: o.height ?? height,
  style: { fontFamily: FONT, fontSize: '11px', color: INK, background: 'transparent' },
  ...(o.document ? { document: o.document } : {}),
});
