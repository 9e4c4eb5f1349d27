import { Button, DatePicker, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getApiLanguage, type ErrorBody } from '../../api/client.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, today, yuan, type Channel, type Discrepancy, type ReconRun } from './api.ts';

/** Runs of the daily reconciliation, the open discrepancy tasks and their resolution, the export. */
export function ReconciliationTab() {
  const { t } = useT();
  const showError = useApiError();
  const [day, setDay] = useState(today());
  const [channels, setChannels] = useState<Channel[]>([]);
  const [channel, setChannel] = useState<string>('');
  const [runs, setRuns] = useState<ReconRun[] | null>(null);
  const [tasks, setTasks] = useState<Discrepancy[] | null>(null);
  const [running, setRunning] = useState(false);

  const load = useCallback(() => {
    payments.runs(dayjs(day).subtract(30, 'day').format('YYYY-MM-DD'), day).then((r) => setRuns(r.items), showError);
    payments.discrepancies({ pageSize: 100, status: 'open' }).then((r) => setTasks(r.items), showError);
  }, [day, showError]);
  useEffect(load, [load]);
  useEffect(() => {
    payments.channels().then((r) => {
      setChannels(r.items);
      setChannel((c) => c || r.items[0]?.code || '');
    }, showError);
  }, [showError]);

  const run = () => {
    setRunning(true);
    payments.startRun(channel, day).then(load, showError).finally(() => setRunning(false));
  };
  // A statement file from the channel's merchant portal, sent as it is (the server streams it).
  const upload = async (file: File) => {
    setRunning(true);
    try {
      const res = await fetch(`/api/payment/reconciliation/statements/${channel}/${day}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'text/csv', 'Accept-Language': getApiLanguage() },
        body: file,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
        throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? '', body?.error?.details);
      }
      load();
    } catch (err) {
      showError(err);
      load();
    } finally {
      setRunning(false);
    }
  };
  const resolve = (d: Discrepancy, action: string) => {
    let note = '';
    Modal.confirm({
      title: t(`payment.recon.actions.${action as 'write_off'}`),
      content: <Input.TextArea onChange={(e) => (note = e.target.value)} placeholder={t('payment.recon.note')} />,
      onOk: () => payments.resolve(d.id, action, note).then(load, (err) => {
        showError(err);
        throw err;
      }),
    });
  };

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <DatePicker value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} allowClear={false} />
        <Select style={{ width: 160 }} value={channel} onChange={setChannel} options={channels.map((c) => ({ value: c.code, label: c.name }))} />
        <Button type="primary" loading={running} onClick={run}>{t('payment.recon.run')}</Button>
        <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button disabled={running}>{t('payment.recon.upload')}</Button>
        </Upload>
        <Button href={payments.reportXlsxUrl(dayjs(day).subtract(30, 'day').format('YYYY-MM-DD'), day)}>{t('payment.recon.export')}</Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={runs === null}
        dataSource={runs ?? []}
        pagination={{ pageSize: 5 }}
        columns={[
          { title: t('payment.recon.day'), dataIndex: 'day' },
          { title: t('payment.recon.channel'), dataIndex: 'channel' },
          { title: t('payment.notice.status'), render: (_, r) => <Tag color={r.status === 'done' ? 'green' : r.status === 'failed' ? 'red' : 'blue'}>{t(`payment.recon.runStatus.${r.status as 'done'}`)}</Tag> },
          { title: t('payment.recon.lines'), dataIndex: 'statementLines' },
          { title: t('payment.recon.matched'), dataIndex: 'matched' },
          { title: t('payment.recon.kinds.missing_ours'), dataIndex: 'missingOurs' },
          { title: t('payment.recon.kinds.missing_channel'), dataIndex: 'missingChannel' },
          { title: t('payment.recon.kinds.amount_mismatch'), dataIndex: 'amountMismatch' },
          { title: t('payment.recon.error'), dataIndex: 'error' },
        ]}
      />
      <h3>{t('payment.recon.tasks')}</h3>
      <Table
        size="small"
        rowKey="id"
        loading={tasks === null}
        dataSource={tasks ?? []}
        columns={[
          { title: t('payment.recon.day'), dataIndex: 'day' },
          { title: t('payment.recon.channel'), dataIndex: 'channel' },
          { title: t('payment.recon.kind'), render: (_, d) => t(`payment.recon.kinds.${d.kind}`) },
          { title: t('payment.recon.txn'), dataIndex: 'channelTxnId' },
          { title: t('payment.notice.unit'), dataIndex: 'departmentName' },
          { title: t('payment.recon.ours'), align: 'right', render: (_, d) => (d.ourFen === null ? '—' : yuan(d.ourFen)) },
          { title: t('payment.recon.theirs'), align: 'right', render: (_, d) => (d.channelFen === null ? '—' : yuan(d.channelFen)) },
          {
            title: '',
            render: (_, d) => (
              <Space wrap>
                {d.actions.map((a) => (
                  <Button key={a} size="small" onClick={() => resolve(d, a)}>{t(`payment.recon.actions.${a}`)}</Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
