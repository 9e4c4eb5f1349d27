import { Skeleton, Space } from 'antd';
import { useState } from 'react';
import { identity } from '../../api/identity.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import './identity.css';
import { LoadError } from './LoadError.tsx';
import { LoginHistoryCard } from './LoginHistoryCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { SignInRequired } from './SignInRequired.tsx';
import { TotpCard } from './TotpCard.tsx';
import { useRemote } from '../../components/useRemote.ts';

/** 账号与安全 /me/security: profile and 实名等级, second factor, devices, sign-in history. */
export default function SecurityPage() {
  const { t } = useT();
  const { status, user } = useSession();
  const me = useRemote(identity.me, status === 'signedIn');
  // every change made here is a new entry of the sign-in history: show it
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);

  if (status === 'loading') return <Skeleton active className="portal-container" />;
  if (!user) return <SignInRequired next="/me/security" />;
  return (
    <div className="portal-container identity-page" data-testid="security-page">
      <PageTitle>{t('identity.security.title')}</PageTitle>
      {me.error ? (
        <LoadError error={me.error} retry={me.reload} />
      ) : !me.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ProfileCard profile={me.data.profile} user={user} />
          <TotpCard
            state={me.data.totp}
            required={me.data.totpRequired}
            onChange={() => {
              me.reload();
              changed();
            }}
          />
          <SessionsCard onChange={changed} />
          <LoginHistoryCard key={changes} />
        </Space>
      )}
    </div>
  );
}
