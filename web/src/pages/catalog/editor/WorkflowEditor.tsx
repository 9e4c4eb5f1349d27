import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { FieldIssues } from './FieldIssues.tsx';
import {
  changeStep,
  defaultSteps,
  insertBeforeDecision,
  issuesUnder,
  LIST_ROW,
  moveStep,
  newStep,
  SPECIAL_PROCEDURES,
  STEP_KINDS,
  STEP_ROLES,
  workflowOf,
  type SectionProps,
  type StepKind,
  type WorkflowStep,
} from './workflow-model.ts';

/** The content schema's bounds on a workflow (content.ts: 2–12 steps). */
const MIN_STEPS = 2;
const MAX_STEPS = 12;

/** 办理流程: the default 受理 → 审查 → 决定, or the item's own ordered steps. */
export function WorkflowEditor({ content, onChange, disabled, quality }: SectionProps) {
  const { t } = useT();
  const steps = workflowOf(content);
  const setSteps = (workflow: WorkflowStep[] | undefined) => {
    const { workflow: _old, ...rest } = content;
    onChange(workflow ? { ...rest, workflow } : rest);
  };
  const setStep = (i: number, patch: Partial<WorkflowStep>) =>
    setSteps(steps!.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const custom = steps !== undefined;

  return (
    <div data-testid="workflow-editor">
      <Space style={{ marginBottom: 8 }} wrap>
        <Switch
          checked={!custom}
          disabled={disabled}
          onChange={(useDefault) => setSteps(useDefault ? undefined : defaultSteps())}
          data-testid="workflow-default"
        />
        <span>{t('catalogWorkflow.workflow.useDefault')}</span>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {custom ? t('catalogWorkflow.workflow.customHint') : t('catalogWorkflow.workflow.defaultHint')}
      </Typography.Paragraph>
      {custom ? (
        <>
          <div data-testid="workflow-steps">
            {steps.map((r, i) => (
              <Flex key={`${r.key}-${i}`} gap={8} wrap align="center" style={LIST_ROW} data-testid="workflow-step">
                <Tag style={{ marginInlineEnd: 0 }}>{i + 1}</Tag>
                <Input
                  value={r.name}
                  maxLength={40}
                  disabled={disabled}
                  status={r.name.trim() ? undefined : 'error'}
                  placeholder={t('catalogWorkflow.workflow.nameRequired')}
                  aria-label={t('catalogWorkflow.workflow.name')}
                  style={{ width: 130 }}
                  onChange={(e) => setStep(i, { name: e.target.value })}
                  data-testid="workflow-step-name"
                />
                <Select
                  value={r.kind}
                  disabled={disabled}
                  aria-label={t('catalogWorkflow.workflow.kind')}
                  style={{ width: 100 }}
                  options={STEP_KINDS.map((k) => ({ value: k, label: t(`catalogWorkflow.workflow.kinds.${k}`) }))}
                  onChange={(kind: StepKind) => setSteps(changeStep(steps, i, { kind }))}
                  data-testid="workflow-step-kind"
                />
                {r.kind === 'special' ? (
                  <Select
                    value={r.procedure}
                    disabled={disabled}
                    status={r.procedure ? undefined : 'error'}
                    aria-label={t('catalogWorkflow.workflow.procedure')}
                    style={{ width: 110 }}
                    options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: t(`catalogWorkflow.workflow.procedures.${p}`) }))}
                    onChange={(procedure: NonNullable<WorkflowStep['procedure']>) => setSteps(changeStep(steps, i, { procedure }))}
                    data-testid="workflow-step-procedure"
                  />
                ) : null}
                <Select
                  mode="multiple"
                  value={r.roles ?? []}
                  disabled={disabled}
                  allowClear
                  aria-label={t('catalogWorkflow.workflow.roles')}
                  placeholder={t('catalogWorkflow.workflow.rolesDefault')}
                  style={{ flex: 1, minWidth: 150 }}
                  options={STEP_ROLES.map((role) => ({ value: role, label: t(`catalogWorkflow.workflow.roleNames.${role}`) }))}
                  onChange={(roles: NonNullable<WorkflowStep['roles']>) => setStep(i, { roles: roles.length ? roles : undefined })}
                  data-testid="workflow-step-roles"
                />
                <Space size={0}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={disabled || i === 0}
                    aria-label={t('catalogWorkflow.workflow.moveUp')}
                    onClick={() => setSteps(moveStep(steps, i, -1))}
                  />
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={disabled || i === steps.length - 1}
                    aria-label={t('catalogWorkflow.workflow.moveDown')}
                    onClick={() => setSteps(moveStep(steps, i, 1))}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={disabled || steps.length <= MIN_STEPS}
                    aria-label={t('catalogWorkflow.workflow.remove')}
                    onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                  />
                </Space>
              </Flex>
            ))}
          </div>
          <Button
            icon={<PlusOutlined />}
            disabled={disabled || steps.length >= MAX_STEPS}
            style={{ marginTop: 8 }}
            onClick={() => setSteps(insertBeforeDecision(steps, newStep(steps, 'special')))}
            data-testid="workflow-add-step"
          >
            {t('catalogWorkflow.workflow.addStep')}
          </Button>
        </>
      ) : null}
      <FieldIssues issues={issuesUnder(quality, 'workflow')} />
    </div>
  );
}
