import { Button, Card, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { licences, type Verification } from './api.ts';
import { VerifyResult } from './VerifyResult.tsx';

/** /verify: public. Opened from a licence QR (?t=) or with an identifier (?id=), or by pasting. */
export default function VerifyPage() {
  const { t } = useT();
  const showError = useApiError();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('id') ?? '');
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    (call: () => Promise<Verification>) => {
      setBusy(true);
      setResult(null);
      call()
        .then(setResult, showError)
        .finally(() => setBusy(false));
    },
    [showError],
  );

  useEffect(() => {
    const token = params.get('t');
    const id = params.get('id');
    if (token) run(() => licences.verifyToken(token));
    else if (id) run(() => licences.verifyIdentifier(id));
  }, [params, run]);

  return (
    <div data-testid="verify-page" style={{ maxWidth: 760, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle>{t('license.verify.title')}</PageTitle>
      <Card variant="borderless">
        <Typography.Paragraph type="secondary">{t('license.verify.hint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Input
            data-testid="verify-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => text.trim() && run(() => licences.verifyPayload(text))}
            placeholder={t('license.verify.placeholder')}
          />
          <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => run(() => licences.verifyPayload(text))}>
            {t('license.verify.submit')}
          </Button>
        </Space.Compact>
        {result ? <VerifyResult result={result} /> : null}
      </Card>
    </div>
  );
}
