// The loaded 政府信息公开工作年度报告 as a table: on a region's page (its reports) and on the data page (the reports
// that fail the template's own checks). Each row links to its source: the page's address where the report gave
// one, and always the loaded file and line.
import { useI18n } from '../../i18n/index.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { api } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { renderBalanceFailures } from '../../../../pipeline/vocabulary/balance-checks.ts';

type Row = Record<string, unknown>;

export const useDisclosureReports = (p: { region?: string; balanced?: boolean }) =>
  useQuery([p.region, p.balanced], () => api.disclosureReports(p));

const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—');
const ratio = (a: unknown, b: unknown) => `${a ?? '—'}/${b ?? '—'}`;

export function DisclosureReportsSection({
  region,
  balanced,
  testId,
}: {
  region?: string;
  balanced?: boolean;
  testId: string;
}) {
  const { t, p, lang } = useI18n();
  const q = useDisclosureReports({ region, balanced });
  const title = balanced === false ? t('reports.unbalancedTitle') : t('reports.title');
  return (
    <QueryLoad title={title} query={q} testId={testId}>
      {(rows) => (
        <DataTable<Row>
          name={balanced === false ? 'unbalanced-reports' : `disclosure-reports-${region ?? 'all'}`}
          rows={rows}
          limit={50}
          initialSort={{ key: 'year', desc: true }}
          columns={[
            { key: 'year', label: t('col.year'), align: 'right' },
            ...(region
              ? []
              : [
                  {
                    key: 'region_name',
                    label: t('col.region_name'),
                    value: (r: Row) => r.region_name ?? r.region_code,
                  },
                ]),
            { key: 'publisher', label: t('reports.publisher'), wrap: true },
            { key: 'published_on', label: t('reports.publishedOn') },
            { key: 'received_new', label: t('reports.receivedNew'), align: 'right' },
            { key: 'handled_total', label: t('reports.handled'), align: 'right' },
            {
              key: 'reconsideration_corrected',
              label: t('reports.reconsiderationCorrected'),
              value: (r) => ratio(r.reconsideration_corrected, r.reconsideration_total),
            },
            {
              key: 'litigation_corrected',
              label: t('reports.litigationCorrected'),
              value: (r) => ratio(r.litigation_corrected, r.litigation_total),
            },
            {
              key: 'corrected_per_concluded_case',
              label: t('reports.correctedRate'),
              align: 'right',
              value: (r) => pct(r.corrected_per_concluded_case),
            },
            {
              key: 'balanced',
              label: t('reports.balanced'),
              wrap: true,
              value: (r) =>
                r.balanced
                  ? t('reports.balancedYes')
                  : `${t('reports.balancedNo')}${p.colon}${renderBalanceFailures(typeof r.balance_failures === 'string' ? r.balance_failures : null, lang)}`,
            },
            {
              key: 'source_file',
              label: t('reports.source'),
              wrap: true,
              render: (r) => (
                <span>
                  {typeof r.source_url === 'string' && /^https?:\/\//.test(r.source_url) ? (
                    <a href={r.source_url} target="_blank" rel="noreferrer noopener">
                      {t('reports.page')}
                    </a>
                  ) : null}{' '}
                  <code>{`${String(r.source_file ?? '')}:${String(r.line ?? '')}`}</code>
                </span>
              ),
            },
          ]}
        />
      )}
    </QueryLoad>
  );
}
