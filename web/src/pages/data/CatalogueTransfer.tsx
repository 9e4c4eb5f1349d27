import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { dataResources, type CatalogueExportQuery, type CatalogueImportReport } from './api.ts';
import { DryRunModal } from './DryRunModal.tsx';
import { fileContent } from './fileContent.ts';
import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';

const importFile = async (file: File, dryRun: boolean) => dataResources.import({ content: await fileContent(file, 'base64'), dryRun });

/** The resources an import creates or changes, by name with their codes. */
function Named({ list }: { list: CatalogueImportReport['created'] }) {
  const { t } = useT();
  if (!list.length) return <>{t('data.none')}</>;
  return (
    <span>
      {list.map((r) => (
        <Tag key={`${r.code}|${r.name}`} title={r.code}>
          {r.name}
        </Tag>
      ))}
    </span>
  );
}

interface Props {
  /** The list's filters the export keeps (status, provider). */
  filters: CatalogueExportQuery;
  /** May import (the catalogue's keepers). */
  manager: boolean;
  onImported(): void;
}

/** 导出目录 as a workbook in the national layout, and 导入目录 from one: checked first, then stored all or nothing. */
export function CatalogueTransfer({ filters, manager, onImported }: Props) {
  const { t } = useT();
  const [importing, setImporting] = useState(false);
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={dataResources.exportUrl(filters)} download data-testid="catalogue-export">
        {t('data.transfer.export')}
      </Button>
      {manager ? (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="catalogue-import">
          {t('data.transfer.import')}
        </Button>
      ) : null}
      <DryRunModal<CatalogueImportReport>
        open={importing}
        title={t('data.transfer.importTitle')}
        hint={t('data.transfer.importHint')}
        accept=".xlsx"
        run={importFile}
        okText={t('data.transfer.importSubmit')}
        checkedText={t('data.transfer.checked')}
        failedText={(n) => t('data.transfer.failed', { n })}
        doneText={(r) => t('data.transfer.imported', { created: r.created.length, updated: r.updated.length })}
        testId="catalogue-import-dialog"
        onClose={() => setImporting(false)}
        onDone={() => {
          setImporting(false);
          onImported();
        }}
        summary={(r) => (
          <ResponsiveDescriptions
            data-testid="catalogue-import-summary"
            items={[
              { key: 'resources', label: t('data.transfer.resources'), span: 'filled', children: r.resources },
              ...(r.ok
                ? [
                    { key: 'created', label: t('data.transfer.created'), span: 'filled' as const, children: <Named list={r.created} /> },
                    { key: 'updated', label: t('data.transfer.updated'), span: 'filled' as const, children: <Named list={r.updated} /> },
                  ]
                : []),
            ]}
          />
        )}
      />
    </Space>
  );
}
