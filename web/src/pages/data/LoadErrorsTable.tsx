import { Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { CatalogueImportReport } from './api.ts';
import type { RecordLoadReport } from './exchange-api.ts';

/** An error of a load or an import: its row, its column (and heading), what kind and why. */
export type LoadError = RecordLoadReport['errors'][number] | CatalogueImportReport['errors'][number];

/** The errors of a dry run or a load, each at its row and column, as a spreadsheet names them. */
export function LoadErrorsTable({ errors }: { errors: LoadError[] }) {
  const { t, tx } = useT();
  return (
    <Table<LoadError>
      rowKey={(e) => `${e.row}|${e.column ?? ''}|${e.code}|${e.reason}`}
      size="small"
      dataSource={errors}
      scroll={{ x: 'max-content' }}
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      data-testid="load-errors"
      columns={[
        { title: t('data.load.row'), dataIndex: 'row', align: 'right', width: 64 },
        {
          title: t('data.load.column'),
          key: 'column',
          render: (_, e) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {e.column ?? '—'}
              {'heading' in e && e.heading ? <Typography.Text type="secondary"> {e.heading}</Typography.Text> : null}
            </span>
          ),
        },
        { title: t('data.load.code'), dataIndex: 'code', render: (code: string) => <Tag color="red">{tx(`data.loadErrors.${code}`, code)}</Tag> },
        // a service error in an import gives its code again as the reason
        { title: t('data.load.reason'), key: 'reason', render: (_, e) => (e.reason === e.code ? null : e.reason) },
      ]}
    />
  );
}
