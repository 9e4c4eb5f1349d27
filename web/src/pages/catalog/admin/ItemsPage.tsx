import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type ItemListRow } from './api.ts';
import { ImportButton } from './ImportButton.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useRemote } from '../../../components/useRemote.ts';

const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;

/** /admin/catalog/items: the items in the staff member's scope, with filters, export and import. */
export default function ItemsPage() {
  const { t, tx } = useT();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const [typeCode, setTypeCode] = useState<string>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [page, setPage] = useState(1);
  const types = useRemote(useCallback(() => catalogAdmin.types(), []));
  const list = useRemote(
    useCallback(
      () => catalogAdmin.items({ q: q || undefined, status, typeCode, departmentId, page, pageSize: 20 }),
      [q, status, typeCode, departmentId, page],
    ),
  );
  const typeName = (code: string | null) => types.data?.items.find((x) => x.code === code)?.name ?? code ?? '—';
  const exportQuery = new URLSearchParams({
    ...(status && status !== 'in_review' ? { status } : {}),
    ...(departmentId ? { departmentId } : {}),
  }).toString();
  const exportUrl = `/api/catalog/export.xlsx${exportQuery ? `?${exportQuery}` : ''}`;

  return (
    <div data-testid="catalog-items-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl} data-testid="catalog-export">
              {t('catalog.admin.export')}
            </Button>
            <ImportButton onDone={list.reload} />
          </Space>
        }
      >
        {t('catalog.admin.itemsTitle')}
      </PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('catalog.admin.searchPlaceholder')}
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
          style={{ width: 280 }}
          data-testid="catalog-items-search"
        />
        <Select
          allowClear
          placeholder={t('catalog.admin.status.label')}
          value={status}
          onChange={(v) => {
            setPage(1);
            setStatus(v);
          }}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: tx(`catalog.admin.status.${s}`, s) }))}
        />
        <Select
          allowClear
          placeholder={t('catalog.itemType')}
          value={typeCode}
          onChange={(v) => {
            setPage(1);
            setTypeCode(v);
          }}
          style={{ width: 160 }}
          options={(types.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))}
        />
        <DepartmentSelect
          allowClear
          value={departmentId}
          onChange={(v) => {
            setPage(1);
            setDepartmentId(v);
          }}
          style={{ width: 240 }}
        />
      </Space>
      <Table<ItemListRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="catalog-items-table"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('catalog.admin.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Link to={`/admin/catalog/items/${r.id}`} data-testid="catalog-item-link">
                {name}
              </Link>
            ),
          },
          { title: t('catalog.itemType'), dataIndex: 'typeCode', width: 120, render: typeName },
          {
            title: t('catalog.admin.version'),
            dataIndex: 'versionNo',
            width: 150,
            render: (no: number, r) => (
              <Space size={4}>
                <span>v{no}</span>
                <StatusTag status={r.versionStatus} />
              </Space>
            ),
          },
          {
            title: t('catalog.admin.quality'),
            dataIndex: 'qualityOk',
            width: 100,
            render: (ok: boolean) => (
              <Tag color={ok ? 'success' : 'error'}>{ok ? t('catalog.admin.qualityOk') : t('catalog.admin.qualityFail')}</Tag>
            ),
          },
          { title: t('catalog.code'), dataIndex: 'code', width: 260, ellipsis: true },
        ]}
      />
    </div>
  );
}
