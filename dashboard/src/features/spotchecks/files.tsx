// The public files of a draw (pool, strata, per-stratum pools) as download links with their SHA-256, so a third
// party can check the hashes with sha256sum and recompute the draw from the page.
import { useI18n } from '../../i18n/index.tsx';
import { api, type Certificate } from '../../api/index.ts';

export interface PublicFile {
  name: string;
  sha256: string | null;
  size?: number | null;
  stratum?: string;
}
/** The certificate's pool and strata (a provincial view has no pool region list). */
export const poolOf = (c: Certificate) => c.pool;
export const strataOf = (c: Certificate) => c.strata;

export function publicFiles(c: Certificate): PublicFile[] {
  const pool = poolOf(c);
  const strata = strataOf(c);
  const out: PublicFile[] = [];
  if (pool?.file) out.push({ name: pool.file, sha256: pool.sha256, size: pool.size });
  if (strata) {
    out.push({ name: strata.file, sha256: strata.sha256 });
    for (const s of strata.per_stratum) out.push({ name: s.file, sha256: s.sha256, size: s.size, stratum: s.stratum });
  }
  return out;
}

/** Regions per stratum in the frozen pool (a single stratum "all" without strata), for the size preview. */
export function stratumSizes(c: Certificate): Record<string, number> {
  const strata = strataOf(c);
  if (strata) return Object.fromEntries(strata.per_stratum.map((s) => [s.stratum, s.size]));
  return { all: poolOf(c)?.size ?? 0 };
}

export function FileList({
  id,
  cert,
  stratumLabel,
}: {
  id: string | number;
  cert: Certificate;
  stratumLabel(s: string): string;
}) {
  const { t } = useI18n();
  const files = publicFiles(cert);
  return (
    <div className="table-scroll">
      <table className="data files" data-testid="public-files">
        <thead>
          <tr>
            <th scope="col">{t('col.file')}</th>
            <th scope="col">{t('spot.stratum')}</th>
            <th scope="col">{t('spot.stratumSize')}</th>
            <th scope="col">{t('spot.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.name}>
              <td>
                <a href={api.spotcheckFileUrl(id, f.name)} download={f.name} data-file={f.name}>
                  {f.name}
                </a>
              </td>
              <td>{f.stratum ? stratumLabel(f.stratum) : '—'}</td>
              <td className="num">{f.size ?? '—'}</td>
              <td className="wrap">
                <code className="hash-small">{f.sha256 ?? '—'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
