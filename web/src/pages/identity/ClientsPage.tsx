import { KeyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { identity, type ClientSecret, type OidcClient } from '../../api/identity.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import './identity.css';
import { ClientFormDrawer } from './ClientFormDrawer.tsx';
import { date } from '../../app/city-time.ts';
import { LoadError } from './LoadError.tsx';
import { SecretModal } from './SecretModal.tsx';
import { useRemote } from '../../components/useRemote.ts';

/** 接入系统 /admin/clients: the department systems registered with the identity provider. */
export default function ClientsPage() {
  const { t, tx } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const clients = useRemote(identity.clients);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<ClientSecret | null>(null);

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
    } catch (err) {
      showError(err);
    }
    clients.reload();
  };

  const rotateKeys = async () => {
    try {
      const { kid } = await identity.rotateSigningKey();
      message.success(t('identity.clients.keysRotated', { kid }));
    } catch (err) {
      showError(err);
    }
  };

  const rotateSecret = async (c: OidcClient) => {
    try {
      setSecret(await identity.rotateClientSecret(c.clientId));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="clients-page">
      <PageTitle
        extra={
          <Space wrap>
            <Popconfirm title={t('identity.clients.rotateKeysAsk')} description={<div style={{ maxWidth: 320 }}>{t('identity.clients.rotateKeysHint')}</div>} onConfirm={rotateKeys}>
              <Button icon={<KeyOutlined />} data-testid="rotate-keys">
                {t('identity.clients.rotateKeys')}
              </Button>
            </Popconfirm>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="client-create">
              {t('identity.clients.register')}
            </Button>
          </Space>
        }
      >
        {t('identity.clients.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('identity.clients.intro')}</Typography.Paragraph>
      {clients.error ? (
        <LoadError error={clients.error} retry={clients.reload} />
      ) : (
        <Table<OidcClient>
          rowKey="clientId"
          loading={clients.loading}
          dataSource={clients.data ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('identity.clients.empty') }}
          data-testid="clients-table"
          columns={[
            {
              title: t('identity.clients.name'),
              dataIndex: 'name',
              width: 190,
              render: (name: string, c) => (
                <Space>
                  {c.logoUri ? <img src={c.logoUri} alt="" width={20} height={20} style={{ objectFit: 'contain' }} /> : null}
                  <span>
                    {name}
                    <br />
                    <Typography.Text type="secondary" code>
                      {c.clientId}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('identity.clients.createdAt')}>
                      {' '}
                      {date(c.createdAt)}
                    </Typography.Text>
                  </span>
                </Space>
              ),
            },
            {
              title: t('identity.clients.grantTypes'),
              dataIndex: 'grantTypes',
              render: (grants: string[]) => grants.map((g) => <Tag key={g}>{tx(`identity.clients.grants.${g}`, g)}</Tag>),
            },
            { title: t('identity.clients.scopes'), dataIndex: 'scope' },
            {
              title: t('identity.clients.redirectUris'),
              dataIndex: 'redirectUris',
              width: 240,
              render: (uris: string[]) => (uris.length ? uris.map((u) => <div key={u} className="identity-uri">{u}</div>) : '—'),
            },
            { title: t('identity.clients.minLevel'), dataIndex: 'minAssuranceLevel', width: 110, render: (l: number) => tx(`identity.level.short.${l}`, String(l)) },
            {
              title: t('identity.clients.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: OidcClient['status'], c) => (
                <Space size={4} wrap>
                  <Tag color={s === 'active' ? 'green' : 'default'}>{t(`identity.clients.statuses.${s}`)}</Tag>
                  {c.firstParty ? <Tag color="blue">{t('identity.clients.firstParty')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 170,
              render: (_, c) =>
                c.firstParty ? null : (
                  <Space size={0} wrap>
                    {c.status === 'active' ? (
                      <Popconfirm title={t('identity.clients.disableAsk')} onConfirm={() => act(() => identity.updateClient(c.clientId, { status: 'disabled' }), t('identity.clients.updated'))}>
                        <Button type="link" size="small" danger data-testid="client-disable">
                          {t('identity.clients.disable')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => act(() => identity.updateClient(c.clientId, { status: 'active' }), t('identity.clients.updated'))} data-testid="client-enable">
                        {t('identity.clients.enable')}
                      </Button>
                    )}
                    <Popconfirm title={t('identity.clients.rotateSecretAsk')} onConfirm={() => rotateSecret(c)}>
                      <Button type="link" size="small" icon={<ReloadOutlined />} data-testid="client-rotate-secret">
                        {t('identity.clients.rotateSecret')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      )}
      {creating ? (
        <ClientFormDrawer
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
            clients.reload();
          }}
        />
      ) : null}
      {secret ? <SecretModal secret={secret} onClose={() => setSecret(null)} /> : null}
    </div>
  );
}
