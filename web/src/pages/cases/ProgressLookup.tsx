import { Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * Public progress lookup by number and query code (what a receipt's QR opens): the values live in
 * the address, so a link or a reload shows the same result.
 */
export function useProgressLookup<T>(fetch: (number: string, code: string) => Promise<T>) {
  const [params, setParams] = useSearchParams();
  const errorText = useErrorText();
  const [result, setResult] = useState<T>();
  const [error, setError] = useState<string>();
  const number = params.get('number') ?? '';
  const code = params.get('code') ?? '';

  useEffect(() => {
    if (!number || !code) return;
    setError(undefined);
    fetch(number, code).then(setResult, (err: unknown) => {
      setResult(undefined);
      setError(errorText(err));
    });
  }, [number, code, errorText, fetch]);

  return { number, code, search: (v: { number: string; code: string }) => setParams(v), result, error };
}

export function ProgressForm(props: { number: string; code: string; numberLabel: string; queryLabel: string; onSearch: (v: { number: string; code: string }) => void }) {
  const { t } = useT();
  return (
    <Card style={{ marginBottom: 12 }}>
      <Form layout="inline" initialValues={{ number: props.number, code: props.code }} onFinish={(v: { number: string; code: string }) => props.onSearch({ number: v.number.trim(), code: v.code.trim() })}>
        <Form.Item name="number" label={props.numberLabel}><Input style={{ width: 230 }} /></Form.Item>
        <Form.Item name="code" label={t('cases.queryCode')}><Input style={{ width: 120 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{props.queryLabel}</Button>
      </Form>
    </Card>
  );
}
