// A composite rank as the scorecard gives it: the place among the regions ranked on the same metric set, and the 90%
// interval of that place when the weights are redrawn (README, "a ranking is shown with its uncertainty").
import { useI18n } from '../i18n/index.tsx';

export function RankCell({
  rank,
  of,
  low,
  high,
}: {
  rank: number | null | undefined;
  of?: number | null;
  low?: number | null;
  high?: number | null;
}) {
  const { t } = useI18n();
  if (rank == null) return <>—</>;
  return (
    <span title={t('rank.title')} data-testid="rank">
      {rank}
      {of ? ` / ${of}` : ''}
      {low != null && high != null ? <span className="muted"> ({low === high ? low : `${low}–${high}`})</span> : null}
    </span>
  );
}
