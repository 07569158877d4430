// The full flag list behind the risk queue: every flag of the year matching the queue's filters, paged on the
// server (x-total-count), with a page size up to "all"; each flag's triage state and, for the central office,
// the triage buttons. A row opens the flag's evidence on its region page.
import { useState } from 'react';
import type { FlagFilters, FlagRow } from '../../api/index.ts';
import { useRouter } from '../../app/router.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useFlagPage } from './data.ts';
import { TriageControls } from './Triage.tsx';

const SIZES = [50, 200, 5000] as const;

export function FlagList({ filters, tick, onChanged }: { filters: FlagFilters; tick: number; onChanged: () => void }) {
  const { t, label, flagMessage } = useI18n();
  const { query, setQuery, navigate } = useRouter();
  const size = SIZES.includes(Number(query.get('flags.size')) as (typeof SIZES)[number])
    ? Number(query.get('flags.size'))
    : SIZES[0];
  const pageNo = Math.max(0, Number(query.get('flags.page') ?? 0) || 0);
  const [own, setOwn] = useState(0);
  const page = useFlagPage(filters, size, pageNo * size, tick + own);
  const total = page.data?.total ?? 0;
  const from = total === 0 ? 0 : pageNo * size + 1;
  const to = Math.min(total, (pageNo + 1) * size);
  const triageFilter = (
    <label className="flag-triage-filter">
      {t('risk.filter.triage')}
      <select
        value={filters.triage ?? ''}
        onChange={(e) => setQuery({ triage: e.target.value, 'flags.page': null })}
        data-testid="filter-triage"
      >
        <option value="">{t('risk.filter.any')}</option>
        {['none', 'acknowledged', 'dismissed', 'escalated', 'reopened'].map((s) => (
          <option key={s} value={s}>
            {label('triage', s)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <QueryLoad
      title={t('risk.flagList')}
      query={{ ...page, data: page.data?.rows }}
      testId="risk-flags"
      actions={triageFilter}
    >
      {(rows) => (
        <>
          <div className="pager" data-testid="flag-pager">
            <span className="muted" data-testid="flag-total" data-total={total}>
              {t('risk.flagListNote', { total, from, to })}
            </span>
            <span className="spacer" />
            <button
              type="button"
              disabled={pageNo === 0}
              onClick={() => setQuery({ 'flags.page': pageNo - 1 || null })}
            >
              {t('risk.page.prev')}
            </button>
            <button type="button" disabled={to >= total} onClick={() => setQuery({ 'flags.page': pageNo + 1 })}>
              {t('risk.page.next')}
            </button>
            <select
              aria-label={t('risk.page.size', { n: size })}
              value={size}
              onChange={(e) =>
                setQuery({
                  'flags.size': Number(e.target.value) === SIZES[0] ? null : e.target.value,
                  'flags.page': null,
                })
              }
              data-testid="flag-page-size"
            >
              {SIZES.map((n) => (
                <option key={n} value={n}>
                  {n === 5000 ? t('risk.page.all') : t('risk.page.size', { n })}
                </option>
              ))}
            </select>
          </div>
          <DataTable<FlagRow>
            name={`flags-${filters.year}`}
            urlKey={false}
            filter={false}
            rows={rows}
            limit={size}
            rowKey={(r) => r.flag_id}
            onRowClick={(r) => navigate(`/regions/${r.region_code}?year=${r.year ?? filters.year}&flag=${r.flag_id}`)}
            rowLabel={(r) => `${r.region_name ?? r.region_code} ${label('rule', r.rule_id)}`}
            columns={[
              { key: 'severity', label: t('col.severity'), value: (r) => label('severity', r.severity) },
              { key: 'region_name', label: t('col.region_name'), value: (r) => r.region_name ?? r.region_code },
              { key: 'rule', label: t('col.rule'), value: (r) => label('rule', r.rule_id) },
              {
                key: 'message',
                label: t('col.message'),
                wrap: true,
                value: (r) => flagMessage(r.rule_id, r.numbers, r.year),
              },
              {
                key: 'triage',
                label: t('col.triage'),
                value: (r) => label('triage', r.triage_state ?? 'none'),
                render: (r) => (
                  <TriageControls
                    flagId={r.flag_id}
                    state={r.triage_state}
                    onDone={() => {
                      setOwn((n) => n + 1);
                      onChanged();
                    }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </QueryLoad>
  );
}
