import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { WorkflowDetail } from './api.ts';

/** The longest reason the API takes (CaseAction.instantOverride.reason). */
const MAX_REASON = 500;

/**
 * Accepting a 即办 case whose 秒批 rules failed: the plain accept sends it to review; completing
 * it now takes an explicit override with a reason, which the timeline and the audit log keep.
 */
export function InstantOverride({ detail, busy, act }: { detail: WorkflowDetail; busy: boolean; act: (action: string, extra: Record<string, unknown>) => Promise<void> }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const c = detail.case;
  if (!detail.actions.includes('accept') || c.caseType !== 'immediate' || !c.instantApproval || c.instantApproval.approved) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="instant-override">
      <Alert type="warning" showIcon message={t('casesWorkflow.instant.toReview')} />
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={MAX_REASON}
        showCount
        autoSize={{ minRows: 2 }}
        placeholder={t('casesWorkflow.instant.overrideReason')}
        aria-label={t('casesWorkflow.instant.overrideReason')}
        data-testid="instant-override-reason"
      />
      <Button danger loading={busy} disabled={!reason.trim()} onClick={() => void act('accept', { instantOverride: { reason: reason.trim() } })} data-testid="action-instant-override">
        {t('casesWorkflow.instant.override')}
      </Button>
    </Space>
  );
}
