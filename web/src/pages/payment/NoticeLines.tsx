import { Table } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { yuan, type NoticeLine } from './api.ts';

/** What is charged and why: each fee line with its reduction and the reduction's basis. */
export function NoticeLines({ lines }: { lines: NoticeLine[] }) {
  const { t } = useT();
  return (
    <Table
      size="small"
      rowKey="lineNo"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t('payment.line.name'), dataIndex: 'name' },
        { title: t('payment.line.unit'), render: (_, l) => `${yuan(l.unitFen)} × ${l.quantity}` },
        { title: t('payment.line.reduction'), render: (_, l) => (l.reductionFen ? `-${yuan(l.reductionFen)}（${l.reductionBasis ?? ''}）` : '') },
        { title: t('payment.line.amount'), align: 'right', render: (_, l) => yuan(l.amountFen) },
      ]}
    />
  );
}
