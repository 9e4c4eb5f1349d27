import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, yuan, type Notice } from './api.ts';
import { NoticeStatusTag } from './StatusTag.tsx';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/** 我的缴费 /payments: the signed-in person's fee notices, newest first. */
export default function MyPaymentsPage() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [items, setItems] = useState<Notice[] | null>(null);

  useEffect(() => {
    if (user?.kind !== 'person') return;
    payments.notices({ pageSize: 100 }).then((r) => setItems(r.items), showError);
  }, [user, showError]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('payment.my.signIn')} back={'/payments'} />;
  }

  return (
    <div data-testid="my-payments" style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle>{t('payment.my.title')}</PageTitle>
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={t('payment.my.empty')} /> }}
        renderItem={(n) => (
          <Card key={n.id} style={{ marginBottom: 12 }} data-testid="my-notice">
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{n.departmentName}</Typography.Text>
                <NoticeStatusTag notice={n} />
              </Space>
              <div>{n.lines.map((l) => l.name).join('、')}</div>
              <Space wrap>
                <Typography.Text style={{ fontSize: 20 }}>¥ {yuan(n.amountFen)}</Typography.Text>
                <Typography.Text type="secondary">{t('payment.notice.dueDate')} {n.dueDate}</Typography.Text>
              </Space>
              <Link to={`/payments/${n.id}`}>
                <Button type={n.status === 'unpaid' && !n.overdue ? 'primary' : 'default'}>
                  {n.status === 'unpaid' && !n.overdue ? t('payment.my.pay') : t('payment.my.details')}
                </Button>
              </Link>
            </Space>
          </Card>
        )}
      />
    </div>
  );
}
