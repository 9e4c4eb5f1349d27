import { Alert, Space } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { InstantApprovalExplain } from './InstantApprovalExplain.tsx';
import { SpecialRecords, RunningSpecial } from './SpecialProcedures.tsx';
import { SupervisionPanel } from './SupervisionPanel.tsx';
import type { WorkflowDetail } from './api.ts';

/** The workbench drawer's workflow facts: the 秒批 result, the running procedure, the delay reason, records, 督办. */
export function WorkflowSection({ detail, onChanged }: { detail: WorkflowDetail; onChanged: () => Promise<unknown> }) {
  const { t } = useT();
  const c = detail.case;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <InstantApprovalExplain result={c.instantApproval} />
      {c.specialProcedure && <RunningSpecial special={c.specialProcedure} />}
      {c.overdueReason && <Alert type="warning" showIcon message={t('casesWorkflow.overdue.given', { reason: c.overdueReason })} data-testid="overdue-reason-given" />}
      <SpecialRecords records={detail.specialProcedures} />
      <SupervisionPanel detail={detail} onChanged={onChanged} />
    </Space>
  );
}
