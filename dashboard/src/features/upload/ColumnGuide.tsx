// 列说明: what each column of the chosen dataset accepts and an example row, from the contract itself (the same rule
// words as the templates' guide sheet), with the templates to download. Shown on the upload page before a file is
// sent, so a sender can fix a file without a round trip.
import { datasets } from '../../../../pipeline/contracts/index.ts';
import { exampleValue } from '../../../../pipeline/templates/example-row.ts';
import { columnRuleText } from '../../../../pipeline/vocabulary/column-rules.ts';
import { api } from '../../api/index.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/QueryLoad.tsx';
import { useI18n } from '../../i18n/index.tsx';

export function ColumnGuide({ dataset }: { dataset: string }) {
  const i = useI18n();
  const { t, lang } = i;
  const contract = datasets.find((d) => d.name === dataset);
  if (!contract) return null;
  return (
    <Panel title={`${t('upload.guide')} · ${i.dataset(contract.name)}`} testId="column-guide">
      <p className="row">
        {t('upload.templates')}
        <a href={api.templateUrl(`${contract.name}.xlsx`)} download data-testid="template-xlsx">
          {contract.name}.xlsx
        </a>
        <a href={api.templateUrl(`${contract.name}.csv`)} download data-testid="template-csv">
          {contract.name}.csv
        </a>
      </p>
      <DataTable
        name={`guide-${contract.name}`}
        rows={contract.columns.map((c) => ({
          header: c.zh,
          name: c.name,
          rule: columnRuleText(contract, c, lang),
          example: exampleValue(contract, c),
        }))}
        columns={[
          { key: 'header', label: t('upload.guideHeader') },
          { key: 'name', label: t('upload.guideName') },
          { key: 'rule', label: t('upload.guideRule') },
          { key: 'example', label: t('upload.guideExample') },
        ]}
      />
    </Panel>
  );
}
