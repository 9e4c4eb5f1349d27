import { DesktopOutlined, MobileOutlined, ToolOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { identity, type SessionRow } from '../../api/identity.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { LoadError } from './LoadError.tsx';
import { summariseUserAgent } from './userAgent.ts';
import { useRemote } from '../../components/useRemote.ts';

const ICONS = { web: <DesktopOutlined />, mobile: <MobileOutlined />, workbench: <ToolOutlined /> };

/** 登录设备: where the account is signed in now; any other session can be signed out. */
export function SessionsCard({ onChange }: { onChange(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const sessions = useRemote(identity.sessions);

  const revoke = async (s: SessionRow) => {
    try {
      await identity.revokeSession(s.id);
      message.success(t('identity.sessions.revoked'));
      onChange();
    } catch (err) {
      showError(err);
    }
    sessions.reload();
  };

  return (
    <Card title={t('identity.sessions.title')} className="identity-card" data-testid="sessions-card">
      <Typography.Paragraph type="secondary">{t('identity.sessions.intro')}</Typography.Paragraph>
      {sessions.error ? (
        <LoadError error={sessions.error} retry={sessions.reload} />
      ) : (
        <List
          loading={sessions.loading}
          dataSource={sessions.data ?? []}
          locale={{ emptyText: t('identity.sessions.empty') }}
          renderItem={(s) => (
            <List.Item
              data-testid="session-row"
              actions={
                s.current
                  ? []
                  : [
                      <Popconfirm key="revoke" title={t('identity.sessions.revokeAsk')} onConfirm={() => revoke(s)}>
                        <Button size="small" danger data-testid="session-revoke">
                          {t('identity.sessions.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={<span className="identity-session-icon">{ICONS[s.channel] ?? <DesktopOutlined />}</span>}
                title={
                  <Space wrap size={6}>
                    <span>{summariseUserAgent(s.userAgent) ?? t('identity.sessions.unknownDevice')}</span>
                    <Tag>{t(`identity.sessions.channels.${s.channel}`)}</Tag>
                    {s.current ? <Tag color="green">{t('identity.sessions.current')}</Tag> : null}
                  </Space>
                }
                description={
                  <Space wrap size={[12, 0]}>
                    <span>
                      {t('identity.sessions.createdAt')} {dateTimeMinutes(s.createdAt)}
                    </span>
                    <span>
                      {t('identity.sessions.ip')} {s.ip ?? '—'}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
