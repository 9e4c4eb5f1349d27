import { Button, Card, Form, Input, Result, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useErrorText } from '../../components/useApiError.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { cases } from './api.ts';
import { StatusTag } from './CaseTimeline.tsx';

type Progress = Awaited<ReturnType<typeof cases.progress>>;

/** /progress?number=…&code=… — public 办件进度 (what a receipt's QR opens): no personal data. */
export default function ProgressPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const errorText = useErrorText();
  const [result, setResult] = useState<Progress>();
  const [error, setError] = useState<string>();
  const number = params.get('number') ?? '';
  const code = params.get('code') ?? '';

  useEffect(() => {
    if (!number || !code) return;
    setError(undefined);
    cases.progress(number, code).then(setResult, (err: unknown) => {
      setResult(undefined);
      setError(errorText(err));
    });
  }, [number, code, errorText]);

  return (
    <div style={{ maxWidth: 720, margin: '24px auto', padding: '0 16px' }} data-testid="case-progress">
      <PageTitle>{t('cases.progress.title')}</PageTitle>
      <Card style={{ marginBottom: 12 }}>
        <Form layout="inline" initialValues={{ number, code }} onFinish={(v: { number: string; code: string }) => setParams({ number: v.number.trim(), code: v.code.trim() })}>
          <Form.Item name="number" label={t('cases.number')}><Input style={{ width: 230 }} /></Form.Item>
          <Form.Item name="code" label={t('cases.queryCode')}><Input style={{ width: 120 }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('cases.progress.query')}</Button>
        </Form>
      </Card>
      {error && <Result status="warning" title={error} />}
      {result && (
        <Card title={result.itemName}>
          <Space direction="vertical">
            <Space><StatusTag status={result.status} /> {result.step}</Space>
            {result.promisedDue && <span>{t('cases.promisedDue')}: {result.promisedDue}</span>}
            <ul>{result.timeline.map((e) => <li key={e.at + e.kind}>{new Date(e.at).toLocaleString()} {t(`cases.kind.${e.kind}` as MessageKey)}</li>)}</ul>
          </Space>
        </Card>
      )}
    </div>
  );
}
