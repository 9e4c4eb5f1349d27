import { Button, Card, Empty, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { MaterialFile } from './api.ts';
import { fileSizeText } from './fileSize.ts';

const fileUrl = (caseId: string, f: MaterialFile) => `/api/cases/${caseId}/materials/${f.id}`;

/**
 * 材料查看: the case's files listed by material, each opened beside the list without leaving the
 * case — images inline, PDFs in the browser's viewer — with the original a click away.
 */
export function MaterialViewer({ caseId, files, nameOf }: { caseId: string; files: MaterialFile[]; nameOf: (key: string) => string }) {
  const { t } = useT();
  const [open, setOpen] = useState<MaterialFile | null>(null);
  return (
    <Card size="small" title={t('cases.materials')} data-testid="case-materials">
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="—" /> }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button key="view" size="small" type="link" onClick={() => setOpen(f)} data-testid="material-view">{t('casesWorkflow.viewer.view')}</Button>,
              <a key="open" href={fileUrl(caseId, f)} target="_blank" rel="noreferrer">{t('casesWorkflow.viewer.original')}</a>,
            ]}
          >
            <Space direction="vertical" size={0}>
              <Typography.Text>{nameOf(f.materialKey)}</Typography.Text>
              <Typography.Text type="secondary">{f.fileName} · <span data-testid="material-size">{fileSizeText(f.size)}</span></Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Modal open={open !== null} onCancel={() => setOpen(null)} footer={null} width="min(1000px, 96vw)" title={open ? `${nameOf(open.materialKey)} · ${open.fileName}` : ''} destroyOnHidden>
        {open && (open.mime.startsWith('image/') ? (
          <img src={fileUrl(caseId, open)} alt={open.fileName} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} data-testid="material-image" />
        ) : (
          <iframe src={fileUrl(caseId, open)} title={open.fileName} style={{ width: '100%', height: '75vh', border: 0 }} data-testid="material-pdf" />
        ))}
      </Modal>
    </Card>
  );
}
