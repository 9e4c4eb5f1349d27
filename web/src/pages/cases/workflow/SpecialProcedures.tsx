import { Alert, Card, List, Space, Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { ActiveSpecial, SpecialRecord } from './api.ts';

/** The special procedure running now: since when and whether the statutory clock stands still. */
export function RunningSpecial({ special }: { special: ActiveSpecial }) {
  const { t } = useT();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="special-running"
      message={t('casesWorkflow.special.running', { name: special.name })}
      description={
        <Space wrap>
          {t('casesWorkflow.special.since', { day: special.startedOn })}
          {special.pausesClock ? <Tag color="orange">{t('casesWorkflow.special.paused')}</Tag> : <Tag>{t('casesWorkflow.special.counted')}</Tag>}
        </Space>
      }
    />
  );
}

/** 特别程序记录: every procedure of the case with its days, result and the working days it paused. */
export function SpecialRecords({ records }: { records: SpecialRecord[] }) {
  const { t } = useT();
  if (!records.length) return null;
  return (
    <Card size="small" title={t('casesWorkflow.special.records')} data-testid="special-records">
      <List
        size="small"
        dataSource={records}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <strong>{r.name}</strong>
                  <span>{r.startedOn} – {r.endedOn ?? t('casesWorkflow.special.ongoing')}</span>
                  {r.pausesClock ? (
                    <Tag color="orange">{r.endedOn ? t('casesWorkflow.special.pausedDays', { n: r.pausedDays ?? 0 }) : t('casesWorkflow.special.paused')}</Tag>
                  ) : (
                    <Tag>{t('casesWorkflow.special.counted')}</Tag>
                  )}
                </Space>
              }
              description={[r.reason, r.result].filter(Boolean).join(' → ') || undefined}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
