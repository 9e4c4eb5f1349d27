import { Card, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { serverPaging } from '../../crud/serverPaging.ts';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataResources, type ResourceSummary } from './api.ts';
import { IssueList } from './IssueList.tsx';
import { LibraryDrawer } from './LibraryDrawer.tsx';
import { StatusTag } from './tags.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

const PARAMS = ['library'];

/** 基础库: the resources whose records the platform holds, with their record counts; below, every open data issue. */
export function LibraryPage() {
  const { t } = useT();
  const { state, update } = useListQuery(PARAMS);
  const fetchPage = useCallback((signal: AbortSignal) => dataResources.list({ library: true, page: state.page, pageSize: state.pageSize }, signal), [state.page, state.pageSize]);
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const wide = Grid.useBreakpoint().md !== false;
  const nameAndCode = (r: ResourceSummary, more?: string) => (
    <Space orientation="vertical" size={0}>
      <Typography.Link>{r.name}</Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {more ? `${r.code} · ${more}` : r.code}
      </Typography.Text>
    </Space>
  );
  const columns: TableColumnsType<ResourceSummary> = [
    { title: t('data.name'), key: 'name', render: (_, r) => nameAndCode(r) },
    { title: t('data.provider'), dataIndex: 'providerName' },
    { title: t('data.library.keyField'), dataIndex: 'keyField', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
    { title: t('data.library.records'), dataIndex: 'recordCount', align: 'right', render: (n: number) => n.toLocaleString() },
    { title: t('data.updateCycle'), dataIndex: 'updateCycle', render: (c: ResourceSummary['updateCycle']) => t(`data.updateCycles.${c}`) },
    { title: t('data.status'), dataIndex: 'status', render: (s: ResourceSummary['status']) => <StatusTag value={s} /> },
  ];
  // on a phone one column: the library, its provider and how many records it holds
  const narrow: TableColumnsType<ResourceSummary> = [
    {
      title: t('data.name'),
      key: 'library',
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          {nameAndCode(r, r.providerName)}
          <Space size={4} wrap>
            <StatusTag value={r.status} />
            <Tag>{t('data.library.recordsOf', { n: r.recordCount.toLocaleString() })}</Tag>
          </Space>
        </Space>
      ),
    },
  ];
  // records loaded or issues changed: the counts, the figures and the issue lists read again
  const [changed, setChanged] = useState(0);
  const touched = () => {
    setChanged((n) => n + 1);
    reload();
  };

  return (
    <div data-testid="data-library-page">
      <PageTitle>{t('data.library.title')}</PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={touched}>
          <Typography.Text type="secondary">{t('data.library.intro')}</Typography.Text>
        </ListToolbar>
        <Table<ResourceSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={list?.items ?? []}
          scroll={wide ? { x: 'max-content' } : undefined}
          data-testid="library-table"
          locale={emptyLocale(t('data.library.empty'))}
          onRow={(r) => ({ onClick: () => update({ library: r.id }), style: { cursor: 'pointer' } })}
          {...serverPaging(state, list?.total ?? 0, update, (total) => t('data.total', { total }))}
          columns={wide ? columns : narrow}
        />
      </Card>
      <Card variant="borderless" title={t('data.issue.title')} style={{ marginTop: 16 }}>
        <IssueList changed={changed} onResolved={touched} />
      </Card>
      <LibraryDrawer id={state.filters.library ?? null} changed={changed} onClose={() => update({ library: undefined })} onChanged={touched} />
    </div>
  );
}
