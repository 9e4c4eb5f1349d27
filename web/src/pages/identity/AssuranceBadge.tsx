import { SafetyCertificateFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import type { AssuranceLevel } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';

const COLORS: Record<AssuranceLevel, string> = { 1: 'blue', 2: 'green', 3: 'gold' };

/** 实名等级 as a tag: 实名二级. */
export function AssuranceBadge({ level }: { level: AssuranceLevel }) {
  const { t, tx } = useT();
  return (
    <Tag color={COLORS[level]} icon={<SafetyCertificateFilled />} data-testid="assurance-level" data-level={level}>
      {t('identity.level.badge', { level: tx(`identity.level.short.${level}`, String(level)) })}
    </Tag>
  );
}
