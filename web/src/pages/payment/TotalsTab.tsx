import { DatePicker, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, today, yuan, type UnitTotal } from './api.ts';

/** Finance totals per collecting unit for a period. */
export function TotalsTab() {
  const { t } = useT();
  const showError = useApiError();
  const [range, setRange] = useState<[string, string]>([dayjs(today()).startOf('month').format('YYYY-MM-DD'), today()]);
  const [items, setItems] = useState<UnitTotal[] | null>(null);
  useEffect(() => {
    payments.totals(range[0], range[1]).then((r) => setItems(r.items), showError);
  }, [range, showError]);
  return (
    <div>
      <DatePicker.RangePicker
        style={{ marginBottom: 12 }}
        allowClear={false}
        value={[dayjs(range[0]), dayjs(range[1])]}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
      />
      <Table
        rowKey="departmentId"
        loading={items === null}
        dataSource={items ?? []}
        columns={[
          { title: t('payment.notice.unit'), dataIndex: 'departmentName' },
          { title: t('payment.totals.issued'), render: (_, r) => `${r.noticesIssued} / ${yuan(r.issuedFen)}` },
          { title: t('payment.totals.paid'), render: (_, r) => `${r.paid} / ${yuan(r.paidFen)}` },
          { title: t('payment.totals.online'), render: (_, r) => (r.paid ? `${Math.round((r.paidOnline * 100) / r.paid)}%` : '—') },
          { title: t('payment.totals.refunded'), align: 'right', render: (_, r) => yuan(r.refundedFen) },
        ]}
      />
    </div>
  );
}
