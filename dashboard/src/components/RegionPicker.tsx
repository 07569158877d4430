// Pick a region by typing part of its name or code: a combobox over the regions directory (listbox below the
// input, arrow keys and Enter, or click). Used where a region must be chosen (the watchlist's hand entry).
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { RegionRow } from '../api/index.ts';

export function RegionPicker({
  regions,
  value,
  onChange,
  testId,
}: {
  regions: readonly RegionRow[];
  value: string | null;
  onChange(code: string | null): void;
  testId?: string;
}) {
  const { t } = useI18n();
  const listId = useId();
  const chosen = regions.find((r) => r.region_code === value) ?? null;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState(0);
  const matches = useMemo(() => {
    const q = text.trim();
    if (!q) return [];
    return regions.filter((r) => r.region_code.startsWith(q) || (r.region_name ?? '').includes(q)).slice(0, 12);
  }, [regions, text]);
  const pick = (r: RegionRow) => {
    onChange(r.region_code);
    setText('');
    setOpen(false);
  };
  return (
    <div className="picker" data-testid={testId}>
      <input
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[at] ? `${listId}-${matches[at]!.region_code}` : undefined}
        aria-label={t('watch.pickRegion')}
        placeholder={t('watch.pickRegion')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setAt((i) => Math.min(i + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setAt((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && matches[at]) {
            e.preventDefault();
            pick(matches[at]!);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && text.trim() !== '' && (
        // the WAI-ARIA combobox pattern: a listbox of options; focus stays in the input, which names the active option (aria-activedescendant).
        <ul className="picker-list" id={listId} role="listbox">
          {matches.length === 0 ? (
            <li className="muted">{t('watch.noMatch')}</li>
          ) : (
            matches.map((r, i) => (
              // options are not focused themselves; the input's aria-activedescendant points at the active one.
              // an option of the combobox's listbox (WAI-ARIA pattern).
              <li
                key={r.region_code}
                id={`${listId}-${r.region_code}`}
                role="option"
                aria-selected={i === at}
                className={i === at ? 'active' : undefined}
                data-code={r.region_code}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(r);
                }}
              >
                {r.region_name} <span className="muted">{r.region_code}</span>
              </li>
            ))
          )}
        </ul>
      )}
      {chosen && (
        <div
          className="picked"
          data-testid={testId ? `${testId}-chosen` : undefined}
          data-code={chosen.region_code}
          data-value={chosen.region_name ?? undefined}
        >
          {t('watch.selected', { name: chosen.region_name ?? chosen.region_code, code: chosen.region_code })}
        </div>
      )}
    </div>
  );
}
