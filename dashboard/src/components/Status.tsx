// Status marks used in tables: 达标 / 未达标 / 无数据, and 暂定 for provisional values.
import { useI18n } from '../i18n/index.tsx';

export function StatusBadge({
  status,
  provisional,
}: {
  status: string | null | undefined;
  provisional?: boolean | null;
}) {
  const { label, t } = useI18n();
  return (
    <span className="status-cell">
      <span className={`badge badge-${status ?? 'no_data'}`}>{label('status', status ?? 'no_data')}</span>
      {provisional ? (
        <span className="badge badge-provisional" title={t('status.provisional')}>
          {t('status.provisional')}
        </span>
      ) : null}
    </span>
  );
}

export function Tag({ children, kind }: { children: string; kind?: string }) {
  return <span className={`badge badge-${kind ?? 'plain'}`}>{children}</span>;
}
