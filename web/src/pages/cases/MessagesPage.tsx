import { Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { caseMessages, type CaseMessage } from './messages-api.ts';
import { dateTime } from '../../app/city-time.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/** /messages — 站内消息: the notices of the applicant's cases, newest first, new ones marked. */
export default function MessagesPage() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [items, setItems] = useState<CaseMessage[] | null>(null);
  const [unread, setUnread] = useState(0);

  const load = useCallback(() => caseMessages.list().then((r) => (setItems(r.items), setUnread(r.unread)), showError), [showError]);
  useEffect(() => {
    if (user?.kind === 'person') void load();
  }, [user, load]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('cases.apply.signIn')} back={'/messages'} />;
  }
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }} data-testid="case-messages">
      <PageTitle>{t('casesMessages.title')}</PageTitle>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('casesMessages.intro')}</Typography.Text>
        <Button disabled={!unread} onClick={() => caseMessages.markRead().then(load, showError)} data-testid="messages-mark-read">
          {t('casesMessages.markRead')}
        </Button>
      </Space>
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={t('casesMessages.empty')} /> }}
        renderItem={(m) => (
          <Card key={m.id} size="small" style={{ marginBottom: 8 }} data-testid="message-row">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                {m.unread && <Badge status="processing" text={t('casesMessages.unread')} />}
                <Typography.Text type="secondary">{dateTime(m.at)}</Typography.Text>
              </Space>
              <Typography.Text>{m.text}</Typography.Text>
              <Link to={m.bundle ? `/my-bundles/${m.caseId}` : `/my-cases/${m.caseId}`}>{t('casesMessages.open')}</Link>
            </Space>
          </Card>
        )}
      />
    </div>
  );
}
