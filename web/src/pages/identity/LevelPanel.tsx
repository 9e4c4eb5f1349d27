import { Steps, Typography } from 'antd';
import type { AssuranceLevel } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';

/** The three 实名等级 with the holder's own marked, and how to reach the next one. */
export function LevelPanel({ level }: { level: AssuranceLevel }) {
  const { t } = useT();
  const levels = [1, 2, 3] as const;
  return (
    <div data-testid="level-panel">
      <Steps
        orientation="vertical"
        size="small"
        current={level - 1}
        items={levels.map((l) => ({
          title: t(`identity.level.${l}`),
          content: t(`identity.level.explain${l}`),
          status: l <= level ? 'finish' : 'wait',
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {level < 3 ? t(`identity.level.raise${level as 1 | 2}`) : t('identity.level.top')}
      </Typography.Paragraph>
    </div>
  );
}
