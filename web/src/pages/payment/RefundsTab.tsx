import { Button, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, yuan, type Refund } from './api.ts';

const COLORS: Record<Refund['status'], string> = { requested: 'orange', approved: 'blue', rejected: 'default', sent: 'cyan', done: 'green', failed: 'red' };

/** Refunds in scope; a requested refund is decided by someone other than its requester. */
export function RefundsTab() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [items, setItems] = useState<Refund[] | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const load = useCallback(() => {
    payments.refunds({ pageSize: 100, status }).then((r) => setItems(r.items), showError);
  }, [status, showError]);
  useEffect(load, [load]);

  const decide = (r: Refund, approve: boolean) => {
    let note = '';
    Modal.confirm({
      title: t(approve ? 'payment.refund.approveTitle' : 'payment.refund.rejectTitle', { amount: yuan(r.amountFen) }),
      content: <Input.TextArea onChange={(e) => (note = e.target.value)} placeholder={t('payment.refund.note')} />,
      onOk: () => payments.decide(r.id, approve, note || undefined).then(load, showError),
    });
  };

  return (
    <div>
      <Select
        allowClear
        style={{ width: 160, marginBottom: 12 }}
        placeholder={t('payment.notice.status')}
        value={status}
        onChange={setStatus}
        options={(Object.keys(COLORS) as Refund['status'][]).map((s) => ({ value: s, label: t(`payment.refund.status.${s}`) }))}
      />
      <Table
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        columns={[
          { title: t('payment.notice.code'), dataIndex: 'noticeCode' },
          { title: t('payment.notice.payer'), dataIndex: 'payerName' },
          { title: t('payment.refund.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
          { title: t('payment.refund.reason'), dataIndex: 'reason' },
          { title: t('payment.refund.origin'), render: (_, r) => t(`payment.refund.origins.${r.origin as 'staff'}`) },
          { title: t('payment.notice.status'), render: (_, r) => <Tag color={COLORS[r.status]}>{t(`payment.refund.status.${r.status}`)}</Tag> },
          {
            title: '',
            render: (_, r) =>
              r.status === 'requested' && r.requestedBy !== user?.id ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide(r, true)}>{t('payment.refund.approve')}</Button>
                  <Button size="small" onClick={() => decide(r, false)}>{t('payment.refund.reject')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
