import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type ImportReport } from './api.ts';

/** Uploads a workbook and shows the row-by-row report (applied, or rejected as a whole). */
export function ImportButton({ onDone }: { onDone: () => void }) {
  const { t } = useT();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const r = await catalogAdmin.importWorkbook(file);
      setReport(r);
      if (r.status === 'applied') onDone();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          // The file is sent by upload() as a raw body; antd's own request is not used.
          void upload(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="catalog-import">
          {t('catalog.admin.import')}
        </Button>
      </Upload>
      <Modal
        open={!!report}
        onCancel={() => setReport(undefined)}
        footer={null}
        width={760}
        title={t('catalog.admin.importReport')}
      >
        {report ? (
          <>
            <Alert
              type={report.status === 'applied' ? 'success' : 'error'}
              title={
                report.status === 'applied'
                  ? t('catalog.admin.importApplied', { created: report.created, updated: report.updated })
                  : t('catalog.admin.importRejected', { count: report.issues.length })
              }
              style={{ marginBottom: 12 }}
            />
            {report.issues.length ? (
              <Table
                size="small"
                rowKey={(r, i) => `${r.row}-${r.code}-${i}`}
                dataSource={report.issues}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('catalog.admin.row'), dataIndex: 'row', width: 70 },
                  { title: t('catalog.admin.column'), dataIndex: 'column', width: 120 },
                  { title: t('catalog.admin.issue'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
