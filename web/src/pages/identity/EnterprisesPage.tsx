import { BankOutlined, ClockCircleOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Divider, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { identity, type ActingOption } from '../../api/identity.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import './identity.css';
import { AgentsPanel } from './AgentsPanel.tsx';
import { date } from '../../app/city-time.ts';
import { LoadError } from './LoadError.tsx';
import { RegisterEnterpriseModal } from './RegisterEnterpriseModal.tsx';
import { SignInRequired } from './SignInRequired.tsx';
import { useActAs } from './useActAs.ts';
import { useRemote } from '../../components/useRemote.ts';

const ROLE_COLOR: Record<ActingOption['role'], string> = { legal_rep: 'gold', admin: 'blue', agent: 'default' };

function EnterpriseTitle({ name }: { name: string }) {
  return (
    <Space wrap size={8}>
      <BankOutlined />
      <span>{name}</span>
    </Space>
  );
}

/** 我的企业 /me/enterprises: whom I may act for, registrations awaiting a window, registering an enterprise, authorising agents. */
export default function EnterprisesPage() {
  const { t } = useT();
  const { status, user } = useSession();
  const me = useRemote(identity.me, user?.kind === 'person');
  const actAs = useActAs();
  const [registering, setRegistering] = useState(false);

  if (status === 'loading') return <Skeleton active className="portal-container" />;
  if (!user) return <SignInRequired next="/me/enterprises" />;
  if (user.kind !== 'person') {
    return (
      <div className="portal-container identity-page">
        <Empty description={t('identity.enterprise.personOnly')} style={{ marginTop: 48 }} />
      </div>
    );
  }
  const level = me.data?.profile?.assuranceLevel ?? 1;
  const acting = user.actingFor?.enterpriseId ?? null;

  return (
    <div className="portal-container identity-page" data-testid="enterprises-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="enterprise-register">
            {t('identity.enterprise.register')}
          </Button>
        }
      >
        {t('identity.enterprise.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('identity.enterprise.intro')}</Typography.Paragraph>
      {me.error ? (
        <LoadError error={me.error} retry={me.reload} />
      ) : !me.data ? (
        <Skeleton active />
      ) : me.data.enterprises.length === 0 && me.data.pendingEnterprises.length === 0 ? (
        <Card variant="borderless" className="identity-card">
          <Empty description={t('identity.enterprise.empty')} data-testid="enterprises-empty" />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {me.data.pendingEnterprises.map((e) => (
            <Card
              key={e.enterpriseId}
              className="identity-card"
              data-testid="enterprise-pending-card"
              title={<EnterpriseTitle name={e.name} />}
              extra={<Tag icon={<ClockCircleOutlined />} color="warning">{t('identity.enterprise.pendingTag')}</Tag>}
            >
              <Descriptions column={{ xs: 1, md: 3 }} size="small">
                <Descriptions.Item label={t('identity.enterprise.uscc')}>{e.uscc}</Descriptions.Item>
                <Descriptions.Item label={t('identity.enterprise.registeredAt')}>{date(e.registeredAt)}</Descriptions.Item>
              </Descriptions>
              <Alert type="warning" showIcon title={t('identity.enterprise.pendingHint')} data-testid="enterprise-pending-hint" />
            </Card>
          ))}
          {me.data.enterprises.map((e) => (
            <Card
              key={e.enterpriseId}
              className="identity-card"
              data-testid="enterprise-card"
              title={<EnterpriseTitle name={e.name} />}
              extra={<Tag color={ROLE_COLOR[e.role]}>{t(`identity.enterprise.roles.${e.role}`)}</Tag>}
            >
              <Descriptions column={{ xs: 1, md: 3 }} size="small">
                <Descriptions.Item label={t('identity.enterprise.uscc')}>{e.uscc}</Descriptions.Item>
                <Descriptions.Item label={t('identity.enterprise.scope')}>
                  {e.scope === 'all' ? t('identity.enterprise.scopeAll') : t('identity.enterprise.scopeItems', { count: e.itemCodes.length })}
                </Descriptions.Item>
                <Descriptions.Item label={t('identity.enterprise.expiresAt')}>{e.expiresAt ? date(e.expiresAt) : t('identity.enterprise.noExpiry')}</Descriptions.Item>
              </Descriptions>
              {acting === e.enterpriseId ? (
                <Tag color="processing">{t('identity.actAs.banner', { name: e.name })}</Tag>
              ) : (
                <Button icon={<SwapOutlined />} onClick={() => actAs(e.enterpriseId, e.name)} data-testid="enterprise-act-as">
                  {t('identity.enterprise.actAs')}
                </Button>
              )}
              {e.role !== 'agent' ? (
                <>
                  <Divider style={{ margin: '16px 0 12px' }} />
                  <AgentsPanel enterprise={e} />
                </>
              ) : null}
            </Card>
          ))}
        </Space>
      )}
      {registering ? (
        <RegisterEnterpriseModal
          level={level}
          onClose={() => setRegistering(false)}
          onDone={() => {
            setRegistering(false);
            me.reload();
          }}
        />
      ) : null}
    </div>
  );
}
