import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Progress, Space, Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { PasswordCheck } from './passwordPolicy.ts';

const COLORS = ['#d9d9d9', '#cf1322', '#d48806', '#389e0d'];

/** The strength meter and the three rules of the policy, each ticked when met. */
export function PasswordStrength({ check }: { check: PasswordCheck }) {
  const { t } = useT();
  const label = [t('identity.password.weak'), t('identity.password.weak'), t('identity.password.medium'), t('identity.password.strong')][check.score];
  const rule = (ok: boolean, text: string) => (
    <Typography.Text type={ok ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
      {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {text}
    </Typography.Text>
  );
  return (
    <div className="identity-strength" data-testid="password-strength">
      <Space size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('identity.password.strength')}
        </Typography.Text>
        <Progress percent={(check.score / 3) * 100} steps={3} showInfo={false} strokeColor={COLORS[check.score]} size="small" />
        <Typography.Text style={{ fontSize: 12, color: COLORS[check.score] }}>{check.score ? label : ''}</Typography.Text>
      </Space>
      <Space orientation="vertical" size={0}>
        {rule(check.length, t('identity.password.ruleLength'))}
        {rule(check.classes, t('identity.password.ruleClasses'))}
        {rule(check.identifiers, t('identity.password.ruleIdentifier'))}
      </Space>
    </div>
  );
}
