import { Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, today, yuan, type Notice } from './api.ts';
import { NoticeLines } from './NoticeLines.tsx';
import { ServedUnitSelect } from './ServedUnitSelect.tsx';
import { NoticeStatusTag } from './StatusTag.tsx';

interface LineForm {
  name: string;
  unitYuan: number;
  quantity: number;
}

/** Fee notices in the staff member's scope; issue a manual fee, cancel, ask for a refund. */
export function NoticesTab() {
  const { t } = useT();
  const showError = useApiError();
  const [items, setItems] = useState<Notice[] | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [refundOf, setRefundOf] = useState<Notice | null>(null);
  const [form] = Form.useForm();
  const [refundForm] = Form.useForm();

  const load = useCallback(() => {
    payments.notices({ pageSize: 100, status, departmentId, q: q || undefined }).then((r) => setItems(r.items), showError);
  }, [status, departmentId, q, showError]);
  useEffect(load, [load]);

  const create = async () => {
    const v = await form.validateFields();
    const lines = (v.lines as LineForm[]).map((l) => ({ name: l.name, unitFen: Math.round(l.unitYuan * 100), quantity: l.quantity }));
    payments
      .create({ payerName: v.payerName, departmentId: v.departmentId, dueDate: (v.dueDate as dayjs.Dayjs).format('YYYY-MM-DD'), lines })
      .then(() => {
        setCreating(false);
        form.resetFields();
        load();
      }, showError);
  };
  const cancel = (n: Notice) => {
    let reason = '';
    Modal.confirm({
      title: t('payment.staff.cancelTitle', { code: n.code }),
      content: <Input.TextArea onChange={(e) => (reason = e.target.value)} placeholder={t('payment.staff.reason')} />,
      onOk: () => payments.cancel(n.id, reason || t('payment.staff.cancelDefault')).then(load, showError),
    });
  };
  const requestRefund = async () => {
    const v = await refundForm.validateFields();
    payments.requestRefund({ noticeId: refundOf!.id, amountFen: Math.round(v.amountYuan * 100), reason: v.reason }).then(() => {
      setRefundOf(null);
      refundForm.resetFields();
    }, showError);
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t('payment.staff.search')} onSearch={setQ} style={{ width: 240 }} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('payment.notice.status')}
          value={status}
          onChange={setStatus}
          options={(['unpaid', 'paid', 'cancelled', 'refunded'] as const).map((s) => ({ value: s, label: t(`payment.status.${s}`) }))}
        />
        <ServedUnitSelect value={departmentId} onChange={setDepartmentId} />
        <Button type="primary" onClick={() => setCreating(true)}>{t('payment.staff.newNotice')}</Button>
      </Space>
      <Table
        rowKey="id"
        loading={items === null}
        scroll={{ x: 'max-content' }}
        dataSource={items ?? []}
        expandable={{ expandedRowRender: (n) => <NoticeLines lines={n.lines} /> }}
        columns={[
          { title: t('payment.notice.code'), dataIndex: 'code' },
          { title: t('payment.notice.payer'), dataIndex: 'payerName' },
          { title: t('payment.notice.unit'), dataIndex: 'departmentName' },
          { title: t('payment.notice.amount'), align: 'right', render: (_, n) => yuan(n.amountFen) },
          { title: t('payment.notice.dueDate'), dataIndex: 'dueDate' },
          { title: t('payment.notice.status'), render: (_, n) => <NoticeStatusTag notice={n} /> },
          {
            title: '',
            render: (_, n) => (
              <Space>
                {n.status === 'unpaid' ? <Button size="small" onClick={() => cancel(n)}>{t('payment.staff.cancel')}</Button> : null}
                {n.status === 'paid' ? <Button size="small" onClick={() => setRefundOf(n)}>{t('payment.staff.refund')}</Button> : null}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={creating} width={560} title={t('payment.staff.newNotice')} onClose={() => setCreating(false)} extra={<Button type="primary" onClick={create}>{t('payment.staff.issue')}</Button>}>
        <Form form={form} layout="vertical" initialValues={{ dueDate: dayjs(today()).add(7, 'day'), lines: [{ quantity: 1 }] }}>
          <Form.Item name="payerName" label={t('payment.notice.payer')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="departmentId" label={t('payment.notice.unit')} rules={[{ required: true }]}><DepartmentSelect /></Form.Item>
          <Form.Item name="dueDate" label={t('payment.notice.dueDate')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('payment.line.name')} /></Form.Item>
                    <Form.Item name={[field.name, 'unitYuan']} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} placeholder={t('payment.line.unitYuan')} /></Form.Item>
                    <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]}><InputNumber min={1} precision={0} /></Form.Item>
                    {fields.length > 1 ? <Button type="link" onClick={() => remove(field.name)}>×</Button> : null}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ quantity: 1 })}>{t('payment.staff.addLine')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Drawer>
      <Modal open={refundOf !== null} title={t('payment.staff.refundTitle', { code: refundOf?.code ?? '' })} onOk={requestRefund} onCancel={() => setRefundOf(null)}>
        <Form form={refundForm} layout="vertical">
          <Form.Item name="amountYuan" label={t('payment.refund.amount')} rules={[{ required: true }]}><InputNumber min={0.01} precision={2} /></Form.Item>
          <Form.Item name="reason" label={t('payment.refund.reason')} rules={[{ required: true }]}><Input.TextArea maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
