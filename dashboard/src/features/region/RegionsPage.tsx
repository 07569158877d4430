// 地区 list: every demonstration region visible to the user for the year; pick one for its page.
import { RankCell } from '../../components/RankCell.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useYear } from '../../app/session.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { RegionRow } from '../../api/index.ts';
import { useRegions } from './data.ts';

export default function RegionsPage() {
  const i = useI18n();
  const { t, label } = i;
  const meta = useMeta();
  const [year] = useYear();
  const { query, setQuery, navigate } = useRouter();
  const province = query.get('province') ?? '';
  const all = query.get('scope') === 'all';
  // Filtered on the server: at national scale the monitored regions number in the thousands.
  const filtered = useRegions(year, { province, all });
  const provName = new Map(meta.provinces.map((p) => [p.code, p.name]));
  return (
    <div className="page" data-page="regions">
      <h1 className="page-title">
        {t('region.list')} <span className="muted">{year}</span>
      </h1>
      <div className="filters">
        <label>
          {t('common.province')}
          <select
            value={province}
            onChange={(e) => setQuery({ province: e.target.value })}
            data-testid="province-filter"
          >
            <option value="">{t('common.all')}</option>
            {meta.provinces.map((p) => (
              <option key={p.code} value={p.code} translate="no">
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => setQuery({ scope: e.target.checked ? 'all' : '' })}
            data-testid="scope-all"
          />
          {t('region.include_monitored')}
        </label>
      </div>
      <QueryLoad query={filtered} testId="regions-table">
        {(rows) => (
          <DataTable<RegionRow>
            name={`regions-${year}`}
            urlKey="regions"
            rows={rows}
            initialSort={{ key: 'rank' }}
            rowKey={(r) => r.region_code}
            onRowClick={(r) => navigate(`/regions/${r.region_code}?year=${year}`)}
            rowLabel={(r) => `${r.region_name} ${r.region_code}`}
            columns={[
              {
                key: 'region_name',
                label: t('col.region_name'),
                render: (r) => <Link to={`/regions/${r.region_code}?year=${year}`}>{r.region_name}</Link>,
              },
              { key: 'region_code', label: t('col.region_code') },
              {
                key: 'province_code',
                label: t('common.province'),
                data: true,
                value: (r) => provName.get(r.province_code) ?? r.province_code,
              },
              { key: 'level', label: t('col.level'), value: (r) => label('level', r.level) },
              { key: 'batch', label: t('col.batch') },
              { key: 'designation', label: t('col.designation'), value: (r) => label('designation', r.designation) },
              { key: 'conformance', label: t('col.conformance'), align: 'right', render: (r) => i.pct(r.conformance) },
              {
                key: 'meets_bar',
                label: t('col.meets_bar'),
                value: (r) => r.meets_bar,
                render: (r) =>
                  r.meets_bar == null ? (
                    '—'
                  ) : (
                    <span className={`badge badge-${r.meets_bar ? 'met' : 'not_met'}`}>
                      {r.meets_bar ? t('status.met') : t('status.not_met')}
                    </span>
                  ),
              },
              { key: 'composite', label: t('col.composite'), align: 'right', render: (r) => i.num(r.composite, 1) },
              {
                key: 'rank',
                label: t('col.rank'),
                align: 'right',
                render: (r) => <RankCell rank={r.rank} of={r.ranked_of} low={r.rank_low} high={r.rank_high} />,
              },
              { key: 'flags_active', label: t('col.flags_active'), align: 'right' },
            ]}
          />
        )}
      </QueryLoad>
    </div>
  );
}
