import { Button, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { StartSpecialDialog, TextDialog } from './SpecialProcedureDialogs.tsx';
import type { WorkflowDetail } from './api.ts';

type Dialog = 'assign' | 'start_special' | 'end_special' | 'explain_overdue';

/**
 * The workflow actions outside the plain approve / return buttons, each shown only when the API
 * offered it for this caller on this step: assign, start or end a special procedure, explain a delay.
 */
export function WorkflowActions({ detail, busy, act }: { detail: WorkflowDetail; busy: boolean; act: (action: string, extra: Record<string, unknown>) => Promise<void> }) {
  const { t } = useT();
  const [open, setOpen] = useState<Dialog>();
  const can = (a: Dialog) => detail.actions.includes(a);
  const run = (action: Dialog, extra: Record<string, unknown>) => void act(action, extra).finally(() => setOpen(undefined));
  const offered = (['assign', 'start_special', 'end_special', 'explain_overdue'] as const).filter(can);
  if (!offered.length) return null;

  return (
    <>
      <Space wrap>
        {offered.map((a) => (
          <Button key={a} loading={busy} onClick={() => setOpen(a)} data-testid={`action-${a}`} danger={a === 'explain_overdue'}>
            {t(`casesWorkflow.action.${a}`)}
          </Button>
        ))}
      </Space>
      <AssignDialog caseId={detail.case.id} open={open === 'assign'} busy={busy} onCancel={() => setOpen(undefined)} onAssign={(assigneeId, note) => run('assign', { assigneeId, opinion: note || undefined })} />
      <StartSpecialDialog open={open === 'start_special'} busy={busy} onCancel={() => setOpen(undefined)} onStart={(s) => run('start_special', { ...s })} />
      <TextDialog
        open={open === 'end_special'}
        busy={busy}
        title={t('casesWorkflow.action.end_special')}
        label={t('casesWorkflow.special.result')}
        testId="special-result"
        onCancel={() => setOpen(undefined)}
        onOk={(text) => run('end_special', { opinion: text })}
      />
      <TextDialog
        open={open === 'explain_overdue'}
        busy={busy}
        title={t('casesWorkflow.action.explain_overdue')}
        label={t('casesWorkflow.overdue.reason')}
        testId="overdue-explain"
        onCancel={() => setOpen(undefined)}
        onOk={(text) => run('explain_overdue', { overdueReason: text })}
      />
    </>
  );
}
