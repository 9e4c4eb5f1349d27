import { Card, Table, Tag } from 'antd';
import type { LoginEvent } from '../../api/identity.ts';
import { identity } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { LoadError } from './LoadError.tsx';
import { useRemote } from '../../components/useRemote.ts';

const FAILURES = new Set(['login_failed', 'login_refused', 'totp_failed', 'stepup_failed']);

/** 登录记录: the account's sign-in events from the audit log, newest first. */
export function LoginHistoryCard() {
  const { t, tx } = useT();
  const logins = useRemote(identity.logins);
  return (
    <Card title={t('identity.logins.title')} className="identity-card" data-testid="logins-card">
      {logins.error ? (
        <LoadError error={logins.error} retry={logins.reload} />
      ) : (
        <Table<LoginEvent>
          size="small"
          rowKey={(r) => `${r.at}-${r.event}`}
          loading={logins.loading}
          dataSource={logins.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('identity.logins.empty') }}
          data-testid="logins-table"
          columns={[
            { title: t('identity.logins.at'), dataIndex: 'at', width: 150, render: (v: string) => dateTimeMinutes(v) },
            {
              title: t('identity.logins.event'),
              dataIndex: 'event',
              render: (v: string) => <Tag color={FAILURES.has(v) ? 'red' : 'default'}>{tx(`identity.logins.events.${v}`, v)}</Tag>,
            },
            { title: t('identity.logins.method'), dataIndex: 'method', render: (v: string | null) => (v ? tx(`identity.logins.methods.${v}`, v) : '—') },
            { title: t('identity.logins.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            { title: t('identity.logins.client'), dataIndex: 'client', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
