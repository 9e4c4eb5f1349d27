import { DisconnectOutlined, LinkOutlined, PauseCircleOutlined, PlayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { dataSystems, type DataSystem } from './exchange-api.ts';
import { SystemModal } from './SystemModal.tsx';
import { useChange } from './useChange.ts';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

/** 接入系统: the department systems bound to their departments, which call the exchange gateway with their grants. */
export function SystemsPage() {
  const { t } = useT();
  const change = useChange();
  const errorText = useErrorText();
  const load = useCallback(() => dataSystems.list().then((r) => r.items), []);
  const { data, error, loading, reload } = useRemote<DataSystem[]>(load);
  const [editing, setEditing] = useState<'bind' | DataSystem | null>(null);
  const [busy, setBusy] = useState<string>();

  /** A change of one system; someone else's change first means reading the list again. */
  const act = async (s: DataSystem, run: () => Promise<unknown>, done: string) => {
    setBusy(s.clientId);
    await change(run, { done, settled: reload }).catch(() => undefined);
    setBusy(undefined);
  };
  const toggle = (s: DataSystem) => {
    const status = s.status === 'active' ? 'suspended' : 'active';
    return act(s, () => dataSystems.change(s.clientId, { version: s.version, status, rateLimit: s.rateLimit }), t(status === 'active' ? 'data.system.resumed' : 'data.system.suspended'));
  };
  const unbind = (s: DataSystem) => act(s, () => dataSystems.unbind(s.clientId, s.version), t('data.system.unbound'));

  return (
    <div data-testid="data-systems-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<LinkOutlined />} onClick={() => setEditing('bind')} data-testid="system-bind">
            {t('data.system.bind')}
          </Button>
        }
      >
        {t('data.system.title')}
      </PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={reload}>
          <Typography.Text type="secondary">{t('data.system.intro')}</Typography.Text>
        </ListToolbar>
        {error && !data ? (
          <Result status="warning" subTitle={errorText(error)} />
        ) : (
          <Table<DataSystem>
            rowKey="clientId"
            size="middle"
            loading={loading}
            dataSource={data ?? []}
            scroll={{ x: 'max-content' }}
            pagination={false}
            data-testid="system-table"
            locale={emptyLocale(t('data.system.empty'))}
            columns={[
              {
                title: t('data.system.system'),
                key: 'system',
                render: (_, s) => (
                  <Space orientation="vertical" size={0}>
                    <span>{s.clientName}</span>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {s.clientId}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('data.system.department'), dataIndex: 'departmentName' },
              { title: t('data.system.rateLimit'), dataIndex: 'rateLimit', align: 'right', render: (n: number) => t('data.system.rateOf', { n }) },
              {
                title: t('data.status'),
                dataIndex: 'status',
                render: (st: DataSystem['status']) => (
                  <Tag color={st === 'active' ? 'green' : 'orange'} data-testid="system-status">
                    {t(`data.system.statuses.${st}`)}
                  </Tag>
                ),
              },
              { title: t('data.system.boundAt'), dataIndex: 'boundAt', render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dateTimeMinutes(at)}</span> },
              {
                title: t('data.system.actions'),
                key: 'actions',
                render: (_, s) => (
                  <Space size={0} wrap={false} data-testid="system-actions">
                    <Popconfirm
                      title={t(s.status === 'active' ? 'data.system.suspendConfirm' : 'data.system.resumeConfirm')}
                      okText={t(s.status === 'active' ? 'data.system.suspend' : 'data.system.resume')}
                      cancelText={t('data.actions.cancel')}
                      onConfirm={() => toggle(s)}
                    >
                      <Button
                        type="link"
                        size="small"
                        loading={busy === s.clientId}
                        icon={s.status === 'active' ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                        data-testid="system-toggle"
                      >
                        {t(s.status === 'active' ? 'data.system.suspend' : 'data.system.resume')}
                      </Button>
                    </Popconfirm>
                    <Button type="link" size="small" icon={<ThunderboltOutlined />} onClick={() => setEditing(s)} data-testid="system-rate-edit">
                      {t('data.system.rateLimit')}
                    </Button>
                    <Popconfirm
                      title={t('data.system.unbindConfirm', { name: s.clientName })}
                      okText={t('data.system.unbind')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('data.actions.cancel')}
                      onConfirm={() => unbind(s)}
                    >
                      <Button type="link" size="small" danger icon={<DisconnectOutlined />} data-testid="system-unbind">
                        {t('data.system.unbind')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <SystemModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
        onStale={() => {
          setEditing(null);
          reload();
        }}
      />
    </div>
  );
}
