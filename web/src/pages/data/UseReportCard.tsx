import { MessageOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';
import type { UseReportTask } from './exchange-api.ts';
import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';

/** One reported use: what was used, by whom, why and on what basis; the citizen's reason; the answer or 答复. */
export function UseReportCard({ report: r, onAnswer }: { report: UseReportTask; onAnswer(report: UseReportTask): void }) {
  const { t } = useT();
  const u = r.use;
  return (
    <Card
      size="small"
      data-testid="use-report"
      title={
        <Space size={8} wrap>
          <Tag color={r.status === 'open' ? 'orange' : 'green'} data-testid="use-report-status">
            {t(`data.useReport.statuses.${r.status}`)}
          </Tag>
          <span>{u.resourceName}</span>
        </Space>
      }
      extra={<Typography.Text type="secondary">{dateTimeMinutes(r.createdAt)}</Typography.Text>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ResponsiveDescriptions
          items={[
            { key: 'department', label: t('data.useReport.department'), children: u.departmentName },
            { key: 'system', label: t('data.useReport.system'), children: u.system ?? '—' },
            { key: 'kind', label: t('data.useReport.kind'), children: t(`data.useReport.kinds.${u.kind}`) },
            { key: 'at', label: t('data.useReport.at'), children: dateTimeMinutes(u.at) },
            {
              key: 'fields',
              label: t('data.useReport.fields'),
              span: 'filled',
              children: (
                <span>
                  {u.fields.map((f) => (
                    <Tag key={f}>{f}</Tag>
                  ))}
                </span>
              ),
            },
            { key: 'purpose', label: t('data.useReport.purpose'), span: 'filled', children: u.purpose ?? '—' },
            { key: 'legalBasis', label: t('data.useReport.legalBasis'), span: 'filled', children: u.legalBasis ?? '—' },
          ]}
        />
        <Alert type="warning" showIcon title={t('data.useReport.reason')} description={r.reason} data-testid="use-report-reason" />
        {r.answer ? (
          <Alert type="success" showIcon title={t('data.useReport.answer')} description={r.answer} data-testid="use-report-answer" />
        ) : (
          <Button type="primary" icon={<MessageOutlined />} onClick={() => onAnswer(r)} data-testid="use-report-reply">
            {t('data.useReport.reply')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
