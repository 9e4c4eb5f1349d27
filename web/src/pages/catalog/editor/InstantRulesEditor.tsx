import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { FieldIssues } from './FieldIssues.tsx';
import {
  coerceValue,
  factOptions,
  instantRulesOf,
  issuesUnder,
  LIST_ROW,
  RULE_OPS,
  suggestedLabel,
  type FactOption,
  type InstantRule,
  type SectionProps,
  type RuleOp,
  type RuleValue,
} from './workflow-model.ts';

/** The content schema's bound on 秒批 rules (content.ts). */
const MAX_RULES = 20;

/** 秒批规则: every rule must hold for the platform to approve at submission. */
export function InstantRulesEditor({ content, onChange, disabled, quality }: SectionProps) {
  const { t } = useT();
  const rules = instantRulesOf(content);
  const facts = factOptions(content);
  const all = [...facts.form, ...facts.applicant];
  const factOf = (fact: string): FactOption | undefined => all.find((f) => f.value === fact);
  const issues = issuesUnder(quality, 'instantRules');
  const setRules = (instantRules: InstantRule[]) => {
    const { instantRules: _old, ...rest } = content;
    onChange(instantRules.length ? { ...rest, instantRules } : rest);
  };
  /** A change of fact, comparison or value; an explanation the editor did not write follows it. */
  const setRule = (i: number, patch: Partial<Omit<InstantRule, 'label'>>) =>
    setRules(
      rules.map((r, j) => {
        if (j !== i) return r;
        const merged = { ...r, ...patch };
        const value = coerceValue(merged.op, merged.value, factOf(merged.fact)?.numeric ?? false);
        const auto = !r.label.trim() || r.label === suggestedLabel(r, all);
        const next = { ...merged, value };
        return { ...next, label: auto ? suggestedLabel(next, all) : r.label };
      }),
    );
  const add = () => {
    const rule = { fact: 'applicant.age', op: 'gte' as const, value: 60 };
    setRules([...rules, { ...rule, label: suggestedLabel(rule, all) }]);
  };

  const groups = [
    { label: t('catalogWorkflow.instant.formGroup'), options: facts.form.map((f) => ({ value: f.value, label: f.title })) },
    { label: t('catalogWorkflow.instant.applicantGroup'), options: facts.applicant.map((f) => ({ value: f.value, label: f.title })) },
  ].filter((g) => g.options.length);

  return (
    <div data-testid="instant-rules-editor">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('catalogWorkflow.instant.hint')}
      </Typography.Paragraph>
      {rules.length ? (
        <div data-testid="instant-rules">
          {rules.map((r, i) => (
            <Flex key={i} gap={8} wrap align="center" style={LIST_ROW} data-testid="instant-rule">
              <Select
                value={r.fact}
                disabled={disabled}
                status={issues.some((x) => x.field === `instantRules.${i}.fact` && x.level === 'error') ? 'error' : undefined}
                aria-label={t('catalogWorkflow.instant.fact')}
                style={{ width: 190 }}
                options={factOf(r.fact) ? groups : [...groups, { label: '?', options: [{ value: r.fact, label: r.fact }] }]}
                onChange={(fact: string) => setRule(i, { fact })}
                data-testid="instant-rule-fact"
              />
              <Select
                value={r.op}
                disabled={disabled}
                aria-label={t('catalogWorkflow.instant.op')}
                style={{ width: 120 }}
                options={RULE_OPS.map((op) => ({ value: op, label: t(`catalogWorkflow.instant.ops.${op}`) }))}
                onChange={(op: RuleOp) => setRule(i, { op })}
                data-testid="instant-rule-op"
              />
              <div style={{ width: 140 }}>
                <RuleValueInput rule={r} numeric={factOf(r.fact)?.numeric ?? false} disabled={disabled} onChange={(value) => setRule(i, { value })} />
              </div>
              <Input
                value={r.label}
                maxLength={200}
                disabled={disabled}
                status={r.label.trim() ? undefined : 'error'}
                aria-label={t('catalogWorkflow.instant.label')}
                placeholder={t('catalogWorkflow.instant.labelRequired')}
                style={{ flex: 1, minWidth: 180 }}
                onChange={(e) => setRules(rules.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
                data-testid="instant-rule-label"
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={disabled}
                aria-label={t('catalogWorkflow.instant.remove')}
                onClick={() => setRules(rules.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
        </div>
      ) : (
        <Typography.Paragraph type="warning" data-testid="instant-rules-empty">
          {t('catalogWorkflow.instant.empty')}
        </Typography.Paragraph>
      )}
      <Button
        icon={<PlusOutlined />}
        disabled={disabled || rules.length >= MAX_RULES}
        style={{ marginTop: 8 }}
        onClick={add}
        data-testid="instant-add-rule"
      >
        {t('catalogWorkflow.instant.addRule')}
      </Button>
      <FieldIssues issues={issues} />
    </div>
  );
}

/** The value as its comparison needs it: a list for 属于, a number for ordering, the applicant kind from a list. */
function RuleValueInput({
  rule,
  numeric,
  disabled,
  onChange,
}: {
  rule: InstantRule;
  numeric: boolean;
  disabled: boolean;
  onChange: (v: RuleValue) => void;
}) {
  const { t } = useT();
  const common = { disabled, style: { width: '100%' }, 'data-testid': 'instant-rule-value' };
  if (rule.op === 'in') {
    return (
      <Select
        {...common}
        mode="tags"
        open={false}
        value={Array.isArray(rule.value) ? rule.value : []}
        placeholder={t('catalogWorkflow.instant.valuesHint')}
        onChange={(v: string[]) => onChange(v)}
      />
    );
  }
  if (rule.fact === 'applicant.kind') {
    return (
      <Select
        {...common}
        value={String(rule.value)}
        options={(['person', 'enterprise'] as const).map((k) => ({ value: k, label: t(`catalogWorkflow.instant.kinds.${k}`) }))}
        onChange={(v: string) => onChange(v)}
      />
    );
  }
  if (typeof rule.value === 'number' || (numeric && rule.op !== 'prefix')) {
    return <InputNumber {...common} value={Number(rule.value)} onChange={(v) => onChange(v ?? 0)} />;
  }
  return <Input {...common} value={String(rule.value)} maxLength={200} onChange={(e) => onChange(e.target.value)} />;
}
