import { Card, Col, Descriptions, Row } from 'antd';
import type { Profile } from '../../api/identity.ts';
import type { User } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import { AssuranceBadge } from './AssuranceBadge.tsx';
import { date } from '../../app/city-time.ts';
import { LevelPanel } from './LevelPanel.tsx';

/** A citizen's own record (ID number and phone masked by the server) and their 实名等级. */
export function ProfileCard({ profile, user }: { profile: Profile | null; user: User }) {
  const { t } = useT();
  if (!profile) {
    return (
      <Card title={t('identity.security.staffProfile')} className="identity-card" data-testid="profile-card">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('identity.security.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('identity.field.name')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t('identity.security.department')}>{user.departmentName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  return (
    <Card title={t('identity.security.profile')} className="identity-card" data-testid="profile-card" extra={<AssuranceBadge level={profile.assuranceLevel} />}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('identity.field.name')}>{profile.name}</Descriptions.Item>
            <Descriptions.Item label={t('identity.field.idNumber')}>
              <span data-testid="profile-id-number">{profile.idNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('identity.field.phone')}>{profile.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('identity.security.email')}>{profile.email ?? t('identity.security.noEmail')}</Descriptions.Item>
            <Descriptions.Item label={t('identity.security.createdAt')}>{date(profile.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} md={12}>
          <LevelPanel level={profile.assuranceLevel} />
        </Col>
      </Row>
    </Card>
  );
}
