import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type Change, type ItemDetail } from './api.ts';
import { StatusTag } from './StatusTag.tsx';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The item's versions and the field-level difference between any two of them. */
export function VersionsPanel({ detail }: { detail: ItemDetail }) {
  const { t, tx } = useT();
  const showError = useApiError();
  const nos = detail.versions.map((v) => v.versionNo).sort((a, b) => a - b);
  const [from, setFrom] = useState(nos.length > 1 ? nos[nos.length - 2] : nos[0]);
  const [to, setTo] = useState(nos[nos.length - 1]);
  const [changes, setChanges] = useState<Change[]>();
  const compare = async () => {
    if (from === undefined || to === undefined) return;
    try {
      setChanges((await catalogAdmin.diff(detail.item.id, from, to)).changes);
    } catch (err) {
      showError(err);
    }
  };
  const options = nos.map((n) => ({ value: n, label: `v${n}` }));
  return (
    <Card size="small" title={t('catalog.admin.versions')} data-testid="versions-panel">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.versions}
        columns={[
          { title: t('catalog.admin.version'), dataIndex: 'versionNo', width: 70, render: (n: number) => `v${n}` },
          {
            title: t('catalog.admin.status.label'),
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <StatusTag status={s} />,
          },
          { title: t('catalog.admin.name'), dataIndex: 'name' },
          { title: t('catalog.admin.reviewComment'), dataIndex: 'reviewComment', render: (c: string | null) => c ?? '' },
        ]}
      />
      {nos.length > 1 ? (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            value={from}
            options={options}
            onChange={setFrom}
            style={{ width: 90 }}
            aria-label={t('catalog.admin.diffFrom')}
          />
          →
          <Select value={to} options={options} onChange={setTo} style={{ width: 90 }} aria-label={t('catalog.admin.diffTo')} />
          <Button onClick={compare} data-testid="diff-compare">
            {t('catalog.admin.compare')}
          </Button>
        </Space>
      ) : null}
      {changes ? (
        changes.length ? (
          <Table<Change>
            style={{ marginTop: 12 }}
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={changes}
            data-testid="diff-table"
            columns={[
              { title: t('catalog.admin.field'), dataIndex: 'path', render: (p: string) => <code>{p}</code> },
              { title: '', dataIndex: 'op', width: 80, render: (op: string) => <Tag>{tx(`catalog.admin.op.${op}`, op)}</Tag> },
              {
                title: t('catalog.admin.before'),
                dataIndex: 'before',
                render: (v: unknown) => <Typography.Text delete>{show(v)}</Typography.Text>,
              },
              {
                title: t('catalog.admin.after'),
                dataIndex: 'after',
                render: (v: unknown) => <Typography.Text mark>{show(v)}</Typography.Text>,
              },
            ]}
          />
        ) : (
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('catalog.admin.noChanges')}</Typography.Paragraph>
        )
      ) : null}
    </Card>
  );
}
