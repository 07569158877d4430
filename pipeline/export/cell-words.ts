// The words of a cell whose value is a code, a yes/no, an actor or a watchlist basis: the package is read by people,
// in Chinese, so every file of it (HTML, PDF, XLSX, CSV) shows 已列入, 是, wang.analyst and 依据（一）… where the database
// holds flagged, true, user:wang.analyst and serious_violation. Numbers stay numbers (the HTML formats them itself).
import { datasetLabel, label, renderActor, renderWatchBasis } from '../vocabulary/index.ts';
import type { Column } from './collect.ts';

/** The Chinese words of a coded cell, or undefined for a plain value (text, number, rate, empty). */
export function cellWords(value: unknown, column: Column, row: Record<string, unknown>): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  switch (column.kind) {
    case 'bool':
      return label('yesNo', Boolean(value), 'zh');
    case 'code':
      return label(column.term ?? column.key, value, 'zh');
    case 'actor':
      return renderActor(value, 'zh');
    case 'dataset':
      return datasetLabel(String(value), 'zh');
    case 'basis':
      return renderWatchBasis(row as { is_ground: boolean; ground: number | null; kind: string }, 'zh');
    default:
      return undefined;
  }
}
