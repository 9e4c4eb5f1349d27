import { useT } from '../../i18n/useT.ts';
import type { ResourceSummary } from './api.ts';
import { DryRunModal } from './DryRunModal.tsx';
import { dataLibrary, type RecordFormat, type RecordLoadReport } from './exchange-api.ts';
import { extensionOf, fileContent } from './fileContent.ts';
import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';

const FORMATS: Record<string, RecordFormat> = { csv: 'csv', xlsx: 'xlsx', json: 'json' };

/** The rows of a file for the library: CSV and JSON as text, .xlsx as base64. */
async function load(resourceId: string, file: File, dryRun: boolean): Promise<RecordLoadReport> {
  const format = FORMATS[extensionOf(file.name)] ?? 'csv';
  return dataLibrary.load(resourceId, { format, content: await fileContent(file, format === 'xlsx' ? 'base64' : 'text'), dryRun });
}

interface Props {
  /** The library loaded into; null = closed. */
  resource: Pick<ResourceSummary, 'id' | 'name'> | null;
  onClose(): void;
  onLoaded(report: RecordLoadReport): void;
}

/** 加载记录: a CSV, .xlsx or JSON file of records checked first, then loaded all or nothing. */
export function RecordLoadModal({ resource, onClose, onLoaded }: Props) {
  const { t } = useT();
  return (
    <DryRunModal<RecordLoadReport>
      open={!!resource}
      title={t('data.load.title', { name: resource?.name ?? '' })}
      hint={t('data.load.hint')}
      accept=".csv,.xlsx,.json"
      run={(file, dryRun) => load(resource?.id ?? '', file, dryRun)}
      okText={t('data.load.submit')}
      checkedText={t('data.load.checked')}
      failedText={(n) => t('data.load.failed', { n })}
      doneText={(r) => t('data.load.done', { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged })}
      testId="record-load"
      onClose={onClose}
      onDone={onLoaded}
      summary={(r) => (
        <ResponsiveDescriptions
          data-testid="record-load-summary"
          items={[
            { key: 'rows', label: t('data.load.rows'), children: r.rows.toLocaleString() },
            { key: 'findings', label: t('data.load.findings'), children: r.findings.toLocaleString() },
          ]}
        />
      )}
    />
  );
}
