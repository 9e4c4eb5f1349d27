import { Table, Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { Resource, ResourceField } from './api.ts';
import { SharingTag } from './tags.tsx';

/** The 信息项 of a resource: name, key, type, personal class, sharing type, data item and source claim. */
export function ResourceFields({ resource }: { resource: Resource }) {
  const { t } = useT();
  const contested = new Set(resource.sourceConflicts.map((c) => c.dataItem));
  return (
    <Table<ResourceField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={resource.fields}
      scroll={{ x: 'max-content' }}
      data-testid="resource-fields"
      locale={{ emptyText: t('data.field.empty') }}
      columns={[
        { title: t('data.field.name'), dataIndex: 'name', fixed: 'left' },
        { title: t('data.field.key'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
        { title: t('data.field.type'), dataIndex: 'type', render: (ft: ResourceField['type']) => t(`data.fieldTypes.${ft}`) },
        { title: t('data.field.length'), dataIndex: 'length', align: 'right', render: (n?: number) => n ?? '—' },
        {
          title: t('data.field.personal'),
          dataIndex: 'personal',
          render: (p?: ResourceField['personal']) => (p ? <Tag color="purple">{t(`data.personalKinds.${p}`)}</Tag> : null),
        },
        { title: t('data.field.sharingType'), dataIndex: 'sharingType', render: (s: ResourceField['sharingType']) => <SharingTag value={s} /> },
        { title: t('data.field.dataItem'), dataIndex: 'dataItem', render: (d?: string) => d ?? '—' },
        {
          title: t('data.field.authoritative'),
          key: 'authoritative',
          render: (_, f) =>
            f.authoritative ? (
              contested.has(f.dataItem ?? '') ? (
                <Tooltip title={t('data.conflicts.title')}>
                  <Tag color="red" data-testid={`authoritative-${f.key}`}>
                    {t('data.field.authoritative')} · {t('data.conflict')}
                  </Tag>
                </Tooltip>
              ) : (
                <Tag color="cyan" data-testid={`authoritative-${f.key}`}>
                  {t('data.field.authoritative')}
                </Tag>
              )
            ) : null,
        },
      ]}
    />
  );
}
