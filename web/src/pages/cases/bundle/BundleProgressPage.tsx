import { Card, List, Result, Space, Tag } from 'antd';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/useT.ts';
import { bundleCases, type BundleProgress } from './api.ts';
import { StatusTag } from '../CaseTimeline.tsx';
import { ProgressForm, useProgressLookup } from '../ProgressLookup.tsx';
import { BundleStatusTag, BundleTimeline } from './BundleParts.tsx';

/** /bundle-progress?number=…&code=… — public progress of a 一件事, each department's part, no personal data. */
export default function BundleProgressPage() {
  const { t } = useT();
  const { number, code, search, result, error } = useProgressLookup<BundleProgress>(bundleCases.progress);

  return (
    <div style={{ maxWidth: 960, margin: '24px auto', padding: '0 16px' }} data-testid="bundle-progress">
      <PageTitle>{t('casesBundle.progress.title')}</PageTitle>
      <ProgressForm number={number} code={code} numberLabel={t('casesBundle.progress.number')} queryLabel={t('casesBundle.progress.query')} onSearch={search} />
      {error && <Result status="warning" title={error} />}
      {result && (
        <Card title={<Space>{result.bundleName}<BundleStatusTag status={result.status} outcome={result.outcome} /></Space>}>
          {result.promisedDue && <p>{t('casesBundle.promisedDue')}: {result.promisedDue}</p>}
          <List
            data-testid="bundle-members"
            dataSource={result.members}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta title={m.itemName} description={m.departmentName} />
                <Space>
                  {m.status === 'draft' ? <Tag>{t('casesBundle.member.waitingStep')}</Tag> : m.status && <StatusTag status={m.status} outcome={m.outcome} />}
                  {m.step}
                </Space>
              </List.Item>
            )}
          />
          <div style={{ marginTop: 16 }}>
            <BundleTimeline entries={result.timeline} />
          </div>
        </Card>
      )}
    </div>
  );
}
