// The banner naming the failed or warning job runs nobody has acknowledged: on the overview and on the risk queue,
// where an analyst lands, so a failed load or refresh is seen before its figures are trusted.
import { Link } from '../../app/router.tsx';
import { jobSummary } from '../../components/job-summary.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useJobAlerts } from './data.ts';

export function JobAlerts() {
  const { t, lang, date, label } = useI18n();
  const alerts = useJobAlerts();
  if (!alerts.data || alerts.data.count === 0) return null;
  return (
    <div className="banner banner-warn" role="status" data-testid="job-alerts">
      <strong>{t('jobs.bannerTitle', { n: alerts.data.count })}</strong>
      <ul>
        {alerts.data.runs.slice(0, 5).map((r) => (
          <li key={r.run_id} data-status={r.status}>
            <span className={`badge ${r.status === 'failed' ? 'badge-not_met' : 'badge-provisional'}`}>
              {label('job.status', r.status)}
            </span>{' '}
            <code>{r.job_id}</code> · {date(r.started_at, true)} · {jobSummary(r, lang) || r.error || ''}
          </li>
        ))}
      </ul>
      <Link to="/data#jobs">{t('jobs.bannerLink')}</Link>
    </div>
  );
}
