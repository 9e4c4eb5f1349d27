import { Card, Form, InputNumber, Space } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { InstantRulesEditor } from './InstantRulesEditor.tsx';
import { WorkflowEditor } from './WorkflowEditor.tsx';
import { instantRulesOf, issuesUnder, type SectionProps } from './workflow-model.ts';

/**
 * The item's case workflow in the editor: 办理流程, then 秒批规则 when the item is marked 秒批 (or
 * still has rules the quality check warns about), then 告知承诺制 when the item works by commitment.
 */
export function WorkflowSections({ content, onChange, disabled, quality }: SectionProps) {
  const { t } = useT();
  const section = { content, onChange, disabled, quality };
  const checkDays = content.commitmentCheckDays as number | undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={t('catalogWorkflow.workflow.title')} data-testid="section-workflow">
        <WorkflowEditor {...section} />
      </Card>
      {content.flags?.instantApproval || instantRulesOf(content).length ? (
        <Card size="small" title={t('catalogWorkflow.instant.title')} data-testid="section-instant">
          <InstantRulesEditor {...section} />
        </Card>
      ) : null}
      {content.flags?.commitment ? (
        <Card size="small" title={t('catalogWorkflow.commitment.title')} data-testid="section-commitment">
          <Form layout="vertical" disabled={disabled} component="div">
            <Form.Item label={t('catalogWorkflow.commitment.checkDays')} extra={t('catalogWorkflow.commitment.checkHint')} style={{ marginBottom: 0 }}>
              <InputNumber
                min={1}
                max={365}
                precision={0}
                value={checkDays}
                placeholder="20"
                onChange={(v) => {
                  const { commitmentCheckDays: _old, ...rest } = content;
                  onChange(v === null ? rest : { ...rest, commitmentCheckDays: v });
                }}
                data-testid="commitment-check-days"
              />
            </Form.Item>
          </Form>
          <FieldIssues issues={issuesUnder(quality, 'commitmentCheckDays')} />
        </Card>
      ) : null}
    </Space>
  );
}
