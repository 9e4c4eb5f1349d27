import { Table } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { CallStatsRow } from './exchange-api.ts';
import { emptyLocale } from './ListToolbar.tsx';

const count = (n: number) => n.toLocaleString();

/** Calls per resource or per calling department: answered, refused, rows and persons returned, p95 latency. */
export function CallStatsTable({ items, loading, nameTitle, testId }: { items: CallStatsRow[]; loading: boolean; nameTitle: string; testId: string }) {
  const { t } = useT();
  return (
    <Table<CallStatsRow>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      data-testid={testId}
      locale={emptyLocale(t('data.calls.none'))}
      columns={[
        { title: nameTitle, dataIndex: 'name', render: (name: string) => name || t('data.calls.unknown') },
        { title: t('data.calls.calls'), dataIndex: 'calls', align: 'right', render: count },
        { title: t('data.calls.answered'), dataIndex: 'answered', align: 'right', render: count },
        { title: t('data.calls.refused'), dataIndex: 'refused', align: 'right', render: count },
        { title: t('data.calls.rows'), dataIndex: 'rows', align: 'right', render: count },
        { title: t('data.calls.persons'), dataIndex: 'persons', align: 'right', render: count },
        { title: t('data.calls.p95'), dataIndex: 'p95Ms', align: 'right', render: (ms: number) => t('data.calls.msOf', { n: ms }) },
      ]}
    />
  );
}
