import { Card, Descriptions, Steps, Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { GuideProcess as Process, GuideStep } from '../../../../src/modules/catalog/api.ts';

type Limit = Process['promisedLimit'];
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 办理流程 and 时限 of the guide, as the server made them from the item's workflow: the steps a
 * case runs in order (special procedures with their days, the payment where it sits), then the
 * statutory and promised limits and what is not counted in them.
 */
export function GuideProcess({ process }: { process: Process }) {
  const { t } = useT();
  const limit = (l: Limit) => (!l ? t('guideProcess.none') : l.immediate ? t('guideProcess.immediate') : t('guideProcess.workingDays', { days: l.days }));

  const describe = (s: GuideStep) => {
    // the kind says what a step is where its own name does not (审核 is a 审查, 登簿 the 决定)
    const kind = t(`guideProcess.kind.${s.kind}` as MessageKey);
    const parts: React.ReactNode[] = kind === s.name ? [] : [<Tag key="kind">{kind}</Tag>];
    if (s.kind === 'special') {
      if (s.days) parts.push(<span key="days">{t('guideProcess.specialDays', { days: s.days })}，</span>);
      parts.push(<span key="count">{t(s.countedInLimit ? 'guideProcess.counted' : 'guideProcess.notCounted')}</span>);
    }
    if (s.kind === 'payment') {
      parts.push(<span key="amount">{s.amountFen != null ? t('guideProcess.paymentAmount', { amount: yuan(s.amountFen) }) : t('guideProcess.paymentAssessed')}；</span>);
      parts.push(<span key="when">{t(s.afterDecision ? 'guideProcess.paymentAfterDecision' : 'guideProcess.paymentBeforeDecision')}；</span>);
      parts.push(<span key="within">{t('guideProcess.payWithin', { days: s.payWithinDays ?? 0 })}</span>);
    }
    return <span data-testid={`guide-step-${s.key}`}>{parts}</span>;
  };

  // the workflow's special steps that do not count: the applicant waits for them on top of the limit
  const extra = process.steps.filter((s) => s.kind === 'special' && !s.countedInLimit && s.days);
  const onDemand = process.specialProcedures.filter((p) => !process.steps.some((s) => s.kind === 'special' && s.name === p.name));

  return (
    <Card size="small" title={t('guideProcess.title')} style={{ marginBottom: 12 }} data-testid="guide-process">
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={[
          { title: t('guideProcess.apply'), description: t('guideProcess.applyHint') },
          ...process.steps.map((s) => ({ title: s.name, description: describe(s) })),
          { title: t('guideProcess.done') },
        ]}
      />
      <Descriptions column={1} size="small" title={t('guideProcess.limits')} data-testid="guide-limits">
        <Descriptions.Item label={t('guideProcess.statutory')}>{limit(process.statutoryLimit)}</Descriptions.Item>
        <Descriptions.Item label={t('guideProcess.promised')}>
          <div>
            {limit(process.promisedLimit)}
            {extra.map((s) => (
              <div key={s.key}><small>{t('guideProcess.plusSpecial', { name: s.name, days: s.days ?? 0 })}</small></div>
            ))}
          </div>
        </Descriptions.Item>
        {!!onDemand.length && (
          <Descriptions.Item label={t('guideProcess.onDemand')}>
            {onDemand.map((p) => (
              <div key={p.name}>
                {p.name}
                {p.days ? `（${t('guideProcess.specialDays', { days: p.days })}）` : ''}：{t(p.countedInLimit ? 'guideProcess.counted' : 'guideProcess.notCounted')}
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
