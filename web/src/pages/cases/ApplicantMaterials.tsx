import { List, Space, Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { materialKey, uploadMaterial, type CaseDetail } from './api.ts';
import { fileSizeText } from './fileSize.ts';
import { MaterialNote } from './MaterialNote.tsx';
import { UploadButton } from './UploadButton.tsx';

/**
 * 申请材料 on the applicant's case page: each material the item asks for, with the files sent
 * (name and size) or what the platform obtained itself, and an upload button where the case
 * still takes one (`uploadable`: a draft, a 补正, a 容缺 material).
 */
export function ApplicantMaterials({ detail, uploadable, onUploaded }: { detail: CaseDetail; uploadable: (key: string) => boolean; onUploaded: () => void }) {
  const { t } = useT();
  const c = detail.case;
  // what the server says of each material: obtained by the platform (已自动获取), or to upload
  const statusOf = new Map(detail.materialStatus.map((s) => [s.key, s]));
  const materials = detail.item.materials.map((m, i) => ({ ...m, key: materialKey(m, i) }));
  return (
    <List
      dataSource={materials}
      renderItem={(m) => {
        const files = detail.materials.filter((f) => f.materialKey === m.key);
        const status = statusOf.get(m.key);
        const skipped = Boolean(status?.fetched) && !files.length;
        return (
          <List.Item
            data-testid={`material-${m.key}`}
            actions={uploadable(m.key) && !skipped ? [<UploadButton key="up" upload={(file) => uploadMaterial(c.id, m.key, file)} onDone={onUploaded} testId={`upload-${m.key}`} />] : []}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {m.name}
                  {m.necessity === 'required' && <Tag color="red">{t('cases.necessity.required')}</Tag>}
                  {m.necessity === 'deferrable' && <Tag color="gold">{t('cases.necessity.deferrable')}</Tag>}
                  {skipped && <Tag color="green" data-testid={`fetched-${m.key}`}>{t('caseTimeline.fetched')}</Tag>}
                </Space>
              }
              description={
                files.length ? (
                  files.map((f) => (
                    <div key={f.id}>
                      <a href={`/api/cases/${c.id}/materials/${f.id}`} target="_blank" rel="noreferrer">{f.fileName}</a> <small style={{ color: '#888' }}>{fileSizeText(f.size)}</small>
                    </div>
                  ))
                ) : (
                  <MaterialNote status={status} requirement={m.requirement} />
                )
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
