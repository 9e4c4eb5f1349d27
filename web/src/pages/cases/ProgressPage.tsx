import { Card, Result, Space } from 'antd';
import { PageTitle } from '../../components/PageTitle.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { cases } from './api.ts';
import { StatusTag } from './CaseTimeline.tsx';
import { ProgressForm, useProgressLookup } from './ProgressLookup.tsx';
import { dateTime } from '../../app/city-time.ts';

type Progress = Awaited<ReturnType<typeof cases.progress>>;

/** /progress?number=…&code=… — public 办件进度 (what a receipt's QR opens): no personal data. */
export default function ProgressPage() {
  const { t } = useT();
  const { number, code, search, result, error } = useProgressLookup<Progress>(cases.progress);

  return (
    <div style={{ maxWidth: 720, margin: '24px auto', padding: '0 16px' }} data-testid="case-progress">
      <PageTitle>{t('cases.progress.title')}</PageTitle>
      <ProgressForm number={number} code={code} numberLabel={t('cases.number')} queryLabel={t('cases.progress.query')} onSearch={search} />
      {error && <Result status="warning" title={error} />}
      {result && (
        <Card title={result.itemName}>
          <Space direction="vertical">
            <Space><StatusTag status={result.status} /> {result.step}</Space>
            {result.promisedDue && <span>{t('cases.promisedDue')}: {result.promisedDue}</span>}
            <ul>{result.timeline.map((e) => <li key={e.at + e.kind}>{dateTime(e.at)} {t(`cases.kind.${e.kind}` as MessageKey)}</li>)}</ul>
          </Space>
        </Card>
      )}
    </div>
  );
}
