import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { identity, type ActingOption, type Agent } from '../../api/identity.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { date } from '../../app/city-time.ts';
import { GrantAgentModal } from './GrantAgentModal.tsx';
import { LoadError } from './LoadError.tsx';
import { useRemote } from '../../components/useRemote.ts';

const STATUS_COLOR: Record<Agent['status'], string> = { active: 'green', revoked: 'default', expired: 'orange' };

/** 经办人管理 of one enterprise, for its legal representative and administrators. */
export function AgentsPanel({ enterprise }: { enterprise: ActingOption }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const load = useCallback(() => identity.agents(enterprise.enterpriseId), [enterprise.enterpriseId]);
  const agents = useRemote(load);
  const [granting, setGranting] = useState(false);

  const revoke = async (a: Agent) => {
    try {
      await identity.revokeAgent(enterprise.enterpriseId, a.id);
      message.success(t('identity.agent.revoked'));
    } catch (err) {
      showError(err);
    }
    agents.reload();
  };
  // an enterprise administrator may revoke plain agents only
  const mayRevoke = (a: Agent) => a.status === 'active' && (enterprise.role === 'legal_rep' || !a.isAdmin);

  return (
    <div data-testid="agents-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Text strong>{t('identity.agent.title')}</Typography.Text>
        <Button size="small" type="primary" ghost icon={<UserAddOutlined />} onClick={() => setGranting(true)} data-testid="agent-grant">
          {t('identity.agent.grant')}
        </Button>
      </Space>
      {agents.error ? (
        <LoadError error={agents.error} retry={agents.reload} />
      ) : (
        <List
          size="small"
          loading={agents.loading}
          dataSource={agents.data ?? []}
          locale={{ emptyText: t('identity.agent.empty') }}
          renderItem={(a) => (
            <List.Item
              data-testid="agent-row"
              actions={
                mayRevoke(a)
                  ? [
                      <Popconfirm key="revoke" title={t('identity.agent.revokeAsk', { name: a.name })} onConfirm={() => revoke(a)}>
                        <Button size="small" danger type="link" data-testid="agent-revoke">
                          {t('identity.agent.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <span>{a.name}</span>
                    {a.isAdmin ? <Tag color="blue">{t('identity.agent.admin')}</Tag> : null}
                    <Tag color={STATUS_COLOR[a.status]}>{t(`identity.agent.statuses.${a.status}`)}</Tag>
                  </Space>
                }
                description={
                  <Space wrap size={[12, 0]}>
                    <span>{a.phone ?? '—'}</span>
                    <span>
                      {a.scope === 'all' ? t('identity.enterprise.scopeAll') : t('identity.enterprise.scopeItems', { count: a.itemCodes.length })}
                    </span>
                    <span>
                      {t('identity.enterprise.expiresAt')} {date(a.expiresAt)}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {granting ? (
        <GrantAgentModal
          enterprise={enterprise}
          onClose={() => setGranting(false)}
          onDone={() => {
            setGranting(false);
            agents.reload();
          }}
        />
      ) : null}
    </div>
  );
}
