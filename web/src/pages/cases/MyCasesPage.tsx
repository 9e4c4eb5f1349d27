import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { cases, type CaseListRow } from './api.ts';
import { StatusTag } from './CaseTimeline.tsx';
import { MyBundleList } from './bundle/MyBundleList.tsx';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/** /my-cases — 我的办件, newest first. */
export default function MyCasesPage() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [items, setItems] = useState<CaseListRow[] | null>(null);
  const [inBundles, setInBundles] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (user?.kind === 'person') cases.mine().then((r) => setItems(r.items), showError);
  }, [user, showError]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('cases.apply.signIn')} back={'/my-cases'} />;
  }
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }} data-testid="my-cases">
      <PageTitle>{t('cases.my.title')}</PageTitle>
      <MyBundleList onMembers={setInBundles} />
      <List
        loading={items === null}
        dataSource={(items ?? []).filter((c) => !inBundles.has(c.id))}
        locale={{ emptyText: <Empty description={t('cases.my.empty')} /> }}
        renderItem={(c) => (
          <Card key={c.id} style={{ marginBottom: 12 }} data-testid="my-case-row">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{c.itemName}</Typography.Text>
                <StatusTag status={c.status} outcome={c.outcome} />
              </Space>
              <Typography.Text type="secondary">{c.number ?? t('cases.status.draft')} {c.step ? `· ${c.step}` : ''}</Typography.Text>
              <Link to={`/my-cases/${c.id}`}><Button>{t('cases.my.open')}</Button></Link>
            </Space>
          </Card>
        )}
      />
    </div>
  );
}
