import { Space, Typography } from 'antd';
import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';
import type { Demand } from './demandApi.ts';
import { DemandFields } from './DemandFields.tsx';
import { DemandStatusTag, DueTag, SatisfactionTag } from './demandTags.tsx';

/** A demand as both sides read it: what was asked, why, by when, and how it was answered. */
export function DemandDetails({ demand: d }: { demand: Demand }) {
  const { t } = useT();
  const answeredBy = d.answeredBy === 'system' ? t('data.demand.bySystem') : null;
  return (
    <ResponsiveDescriptions
            data-testid="demand-details"
      items={[
        {
          key: 'resource',
          label: t('data.demand.resource'),
          span: 'filled',
          children: (
            <Space size={8} wrap>
              {d.resourceName}
              <Typography.Text code>{d.resourceCode}</Typography.Text>
            </Space>
          ),
        },
        { key: 'provider', label: t('data.provider'), children: d.providerName },
        { key: 'requester', label: t('data.demand.requester'), children: d.requesterName },
        { key: 'fields', label: t('data.demand.fields'), span: 'filled', children: <DemandFields resourceId={d.resourceId} fields={d.fields} /> },
        { key: 'purpose', label: t('data.demand.purpose'), span: 'filled', children: d.purpose },
        { key: 'legalBasis', label: t('data.demand.legalBasis'), span: 'filled', children: d.legalBasis },
        { key: 'createdAt', label: t('data.demand.createdAt'), children: dateTimeMinutes(d.createdAt) },
        // granted at once: there was no answer to wait for
        ...(d.answeredBy === 'system'
          ? []
          : [
              {
                key: 'dueDate',
                label: t('data.demand.dueDate'),
                children: (
                  <Space size={8} wrap>
                    {d.dueDate}
                    <DueTag demand={d} />
                  </Space>
                ),
              },
            ]),
        {
          key: 'status',
          label: t('data.status'),
          children: (
            <Space size={4} wrap>
              <DemandStatusTag demand={d} />
              <SatisfactionTag satisfied={d.satisfied} />
            </Space>
          ),
        },
        ...(d.answeredAt
          ? [{ key: 'answeredAt', label: t('data.demand.answeredAt'), children: answeredBy ? `${dateTimeMinutes(d.answeredAt)}（${answeredBy}）` : dateTimeMinutes(d.answeredAt) }]
          : []),
        ...(d.answerNote
          ? [{ key: 'answerNote', label: d.status === 'refused' ? t('data.demand.refusalReason') : t('data.demand.answerNote'), span: 'filled' as const, children: d.answerNote }]
          : []),
        ...(d.satisfactionNote ? [{ key: 'satisfactionNote', label: t('data.demand.satisfactionNote'), span: 'filled' as const, children: d.satisfactionNote }] : []),
      ]}
    />
  );
}
