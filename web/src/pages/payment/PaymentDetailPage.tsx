import { Alert, Button, Card, Descriptions, Radio, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, yuan, type Channel, type Notice } from './api.ts';
import { NoticeLines } from './NoticeLines.tsx';
import { NoticeStatusTag } from './StatusTag.tsx';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/**
 * One fee notice for its payer: what is charged and why, paying through a channel (the payer
 * leaves for the channel's pay page and comes back here), and the e-receipt once paid. The
 * callback may lag the return from the pay page, so an unpaid notice is polled for a while.
 */
export default function PaymentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [channel, setChannel] = useState<string>('');
  const [paying, setPaying] = useState(false);

  const load = useCallback(() => payments.notice(id).then(setNotice, showError), [id, showError]);
  useEffect(() => {
    if (user?.kind !== 'person') return;
    load();
    payments.channels().then((r) => {
      setChannels(r.items);
      setChannel((c) => c || r.items[0]?.code || '');
    }, showError);
  }, [user, load, showError]);
  useEffect(() => {
    if (notice?.status !== 'unpaid') return;
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, [notice?.status, load]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('payment.my.signIn')} back={`/payments/${id}`} />;
  }
  if (!notice) return <Spin style={{ display: 'block', margin: 48 }} />;

  const pay = () => {
    setPaying(true);
    payments.pay(notice.id, channel).then(
      (r) => window.location.assign(r.payUrl),
      (err) => {
        setPaying(false);
        showError(err);
      },
    );
  };
  const payable = notice.status === 'unpaid' && !notice.overdue;

  return (
    <div data-testid="payment-detail" style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle>{t('payment.notice.title')}</PageTitle>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('payment.notice.status')}><span data-testid="notice-status"><NoticeStatusTag notice={notice} /></span></Descriptions.Item>
          <Descriptions.Item label={t('payment.notice.unit')}>{notice.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('payment.notice.code')}>{notice.code}</Descriptions.Item>
          <Descriptions.Item label={t('payment.notice.payer')}>{notice.payerName}</Descriptions.Item>
          <Descriptions.Item label={t('payment.notice.dueDate')}>{notice.dueDate}</Descriptions.Item>
        </Descriptions>
        <NoticeLines lines={notice.lines} />
        <Typography.Title level={3} style={{ textAlign: 'right' }}>¥ {yuan(notice.amountFen)}</Typography.Title>
        {payable ? (
          <Space direction="vertical">
            <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as string)}>
              {channels.map((c) => (
                <Radio.Button key={c.code} value={c.code}>{c.name}</Radio.Button>
              ))}
            </Radio.Group>
            <Button type="primary" size="large" loading={paying} disabled={!channel} onClick={pay} data-testid="pay-button">
              {t('payment.my.payNow', { amount: yuan(notice.amountFen) })}
            </Button>
          </Space>
        ) : null}
        {notice.overdue ? <Alert type="warning" showIcon message={t('payment.my.overdue')} /> : null}
        {notice.receipt ? (
          <Card size="small" title={t('payment.receipt.title')} style={{ marginTop: 16 }} data-testid="receipt">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('payment.receipt.code')}>{notice.receipt.receiptCode}</Descriptions.Item>
              <Descriptions.Item label={t('payment.receipt.number')}>{notice.receipt.receiptNumber}</Descriptions.Item>
              <Descriptions.Item label={t('payment.receipt.check')}>{notice.receipt.checkCode}</Descriptions.Item>
            </Descriptions>
            <Button href={payments.receiptPdfUrl(notice.id)} data-testid="receipt-download">{t('payment.receipt.download')}</Button>
          </Card>
        ) : null}
      </Card>
      <div style={{ marginTop: 12 }}><Link to="/payments">{t('payment.my.back')}</Link></div>
    </div>
  );
}
