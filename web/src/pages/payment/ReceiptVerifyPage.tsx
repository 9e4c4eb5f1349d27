import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { yuan, type ReceiptVerification as Verification } from './api.ts';
import { dateTime } from '../../app/city-time.ts';

/** 票据查验 /payments/verify: anyone holding a receipt checks it (the receipt's QR code opens this page). */
export default function ReceiptVerifyPage() {
  const { t } = useT();
  const showError = useApiError();
  const [params] = useSearchParams();
  const [result, setResult] = useState<Verification | null | 'not_found'>(null);
  const initial = { receiptCode: params.get('code') ?? '', receiptNumber: params.get('number') ?? '', checkCode: params.get('check') ?? '' };

  const check = (v: typeof initial) =>
    api.post<Verification>('/api/payment/receipts/verify', v).then(setResult, (err) => {
      if (err instanceof ApiError && err.status === 404) setResult('not_found');
      else showError(err);
    });

  return (
    <div data-testid="receipt-verify" style={{ maxWidth: 640, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle>{t('payment.verify.title')}</PageTitle>
      <Card>
        <Form layout="vertical" initialValues={initial} onFinish={check}>
          <Form.Item name="receiptCode" label={t('payment.receipt.code')} rules={[{ required: true, pattern: /^\d{8}$/ }]}><Input maxLength={8} /></Form.Item>
          <Form.Item name="receiptNumber" label={t('payment.receipt.number')} rules={[{ required: true, pattern: /^\d{10}$/ }]}><Input maxLength={10} /></Form.Item>
          <Form.Item name="checkCode" label={t('payment.receipt.check')} rules={[{ required: true, pattern: /^[0-9A-Fa-f]{8}$/ }]}><Input maxLength={8} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('payment.verify.check')}</Button>
        </Form>
        {result === 'not_found' ? <Alert style={{ marginTop: 16 }} type="error" showIcon message={t('payment.verify.notFound')} /> : null}
        {result && result !== 'not_found' ? (
          <>
            <Alert
              style={{ marginTop: 16 }}
              type={result.valid ? 'success' : 'error'}
              showIcon
              message={t(result.valid ? 'payment.verify.genuine' : 'payment.verify.tampered')}
            />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('payment.notice.unit')}>{result.collectingUnit}</Descriptions.Item>
              <Descriptions.Item label={t('payment.notice.payer')}>{result.payerName}</Descriptions.Item>
              <Descriptions.Item label={t('payment.notice.amount')}>{yuan(result.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('payment.verify.paidAt')}>{dateTime(result.paidAt)}</Descriptions.Item>
              <Descriptions.Item label={t('payment.verify.signer')}>{t(result.signerKind === 'seal' ? 'payment.verify.seal' : 'payment.verify.unitKey')}</Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </Card>
    </div>
  );
}
