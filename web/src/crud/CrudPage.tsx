import { App, Card, Empty, Grid, Table, type TableColumnsType } from 'antd';
import { serverPaging } from './serverPaging.ts';
import { useState } from 'react';
import type { Versioned } from '../api/resource.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { useApiError } from '../components/useApiError.ts';
import { useT } from '../i18n/useT.ts';
import { CrudFormDrawer } from './CrudFormDrawer.tsx';
import { CrudToolbar } from './CrudToolbar.tsx';
import { RowActions } from './RowActions.tsx';
import type { CrudConfig } from './types.ts';
import { useListQuery } from './useListQuery.ts';
import { useServerList } from './useServerList.ts';

type Editing<T> = { open: boolean; record: T | null };

/**
 * A complete list page for one organisation resource: search, filters, server-side paging,
 * create/edit drawer and delete with confirmation. Pages give only their config.
 */
export function CrudPage<T extends Versioned>({ config }: { config: CrudConfig<T> }) {
  const i18n = useT();
  const { t } = i18n;
  const { message } = App.useApp();
  const showError = useApiError();
  const filters = config.filters ?? [];
  const { state, update } = useListQuery(filters.map((f) => f.name));
  const { items, total, loading, reload } = useServerList(config.resource, state);
  const wide = Grid.useBreakpoint().md;
  const [editing, setEditing] = useState<Editing<T>>({ open: false, record: null });

  async function remove(record: T) {
    try {
      await config.resource.remove(record.id);
      message.success(t('common.deleted'));
      if (items.length === 1 && state.page > 1) update({ page: state.page - 1 });
      else reload();
    } catch (err) {
      showError(err);
    }
  }

  const columns: TableColumnsType<T> = [
    ...config.columns(i18n),
    {
      key: 'actions',
      title: t('common.actions'),
      // Pinned on wide screens only: on a phone it would cover the other columns.
      fixed: wide ? 'right' : undefined,
      width: config.rowActions ? 200 : 130,
      render: (_: unknown, record: T) => (
        <RowActions
          name={config.displayName(record)}
          onEdit={() => setEditing({ open: true, record })}
          onDelete={() => remove(record)}
          extra={config.rowActions?.(record, reload)}
        />
      ),
    },
  ];

  return (
    <div className="crud-page" data-testid={`${config.testId}-page`}>
      <PageTitle>{t(config.title)}</PageTitle>
      <Card variant="borderless">
        <CrudToolbar
          q={state.q}
          onSearch={(q) => update({ q, page: 1 })}
          placeholder={t(config.searchPlaceholder)}
          filters={filters}
          filterValues={state.filters}
          onFilter={(name, value) => update({ [name]: value, page: 1 })}
          onCreate={() => setEditing({ open: true, record: null })}
          onReload={reload}
          testId={config.testId}
        />
        <Table<T>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
          {...serverPaging(state, total, update, (n) => t('common.total', { total: n }))}
          data-testid={`${config.testId}-table`}
        />
      </Card>
      <CrudFormDrawer
        config={config}
        record={editing.record}
        open={editing.open}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, open: false }));
          reload();
        }}
      />
    </div>
  );
}
