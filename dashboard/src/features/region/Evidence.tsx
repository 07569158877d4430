// A flag's evidence, drilled down to the source rows: dataset, file and line, then the verbatim row.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { QueryLoad } from '../../components/QueryLoad.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { EvidenceRef as Evidence } from '../../api/index.ts';
import { show, useFlag, useRecord } from './data.ts';

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const { t, dataset, column } = useI18n();
  const [open, setOpen] = useState<Evidence | null>(null);
  // a record is found by its load and line; one without (its load gone) has no source row to show
  const ref =
    open && open.load_id != null && open.line != null
      ? { dataset: open.dataset, load: open.load_id, line: Number(open.line) }
      : null;
  const rec = useRecord(ref);
  return (
    <div className="evidence" data-testid="evidence">
      <DataTable<Evidence>
        name="evidence"
        rows={evidence}
        limit={50}
        filter={false}
        onRowClick={(e) => setOpen(e)}
        columns={[
          { key: 'dataset', label: t('col.dataset'), value: (e) => dataset(e.dataset) },
          { key: 'file', label: t('col.file') },
          { key: 'line', label: t('col.line'), align: 'right' },
          { key: 'record_id', label: t('col.id'), value: (e) => e.record_id ?? e.load_id },
        ]}
      />
      {open && !ref && (
        <p className="muted" data-testid="source-row">
          {t('region.sourceRowGone')}
        </p>
      )}
      {open && ref && (
        <QueryLoad
          title={`${t('region.sourceRow')} · ${open.file}:${open.line}`}
          query={rec}
          testId="source-row"
          isEmpty={(d) => !d || Object.keys(d.row).length === 0}
        >
          {(row) => (
            <table className="kv">
              <tbody>
                {Object.entries(row.row).map(([k, v]) => (
                  <tr key={k}>
                    <th>{column(open.dataset, k)}</th>
                    {/* the source row as its sender wrote it */}
                    <td translate="no">{show(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryLoad>
      )}
    </div>
  );
}

export function FlagEvidence({ id }: { id: string }) {
  const { t, flagMessage } = useI18n();
  const q = useFlag(id);
  return (
    <QueryLoad title={`${t('region.evidence')} · #${id}`} query={q} testId="flag-evidence">
      {(f) => (
        <>
          <p className="note">{flagMessage(f.rule_id, f.numbers, f.year)}</p>
          {f.evidence?.length ? (
            <EvidenceList evidence={f.evidence} />
          ) : (
            <div className="state state-empty">{t('common.empty')}</div>
          )}
        </>
      )}
    </QueryLoad>
  );
}
