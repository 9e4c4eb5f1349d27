import { translate } from '../../../i18n/messages.ts';
import type { InstantRule, WorkflowStep } from '../../../../../src/modules/catalog/api.ts';
import type { ItemContent, Quality } from '../admin/api.ts';

/** The catalogue's workflow and 秒批 shapes (src/modules/catalog/content.ts), as the editor handles them. */
export const STEP_KINDS = ['accept', 'review', 'decide', 'special', 'payment'] as const;
export const STEP_ROLES = ['window_clerk', 'approver', 'department_admin', 'leader'] as const;
export const SPECIAL_PROCEDURES = ['on_site', 'expert_review', 'publicity', 'hearing', 'inspection', 'other'] as const;
export const RULE_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'prefix'] as const;
export const APPLICANT_FACTS = ['age', 'idRegion', 'kind'] as const;

// The shapes are the content schema's own (type-only import: nothing of the server is bundled).
export type { InstantRule, WorkflowStep };
export type StepKind = WorkflowStep['kind'];
export type RuleOp = InstantRule['op'];
export type RuleValue = InstantRule['value'];

/** What each workflow section of the item editor is given. */
export interface SectionProps {
  content: ItemContent;
  onChange: (c: ItemContent) => void;
  disabled: boolean;
  /** The live quality check's last answer, for the issues of the section. */
  quality?: Quality;
}

export const workflowOf = (c: ItemContent) => c.workflow as WorkflowStep[] | undefined;
export const instantRulesOf = (c: ItemContent) => (c.instantRules as InstantRule[] | undefined) ?? [];

/** Content text is Chinese whatever the editor's language: suggested names and labels come from zh-CN. */
const zh = (key: string) => translate('zh-CN', `catalogWorkflow.${key}`) ?? key;

/** The steps a case runs when the item has no workflow, as a starting point for a custom one. */
export const defaultSteps = (): WorkflowStep[] =>
  (['accept', 'review', 'decide'] as const).map((kind) => ({ key: kind, name: zh(`workflow.kinds.${kind}`), kind }));

/** A step key unique in the list (`^[a-z][a-z0-9_]*$`), derived from the kind. */
export function newStepKey(steps: readonly WorkflowStep[], kind: StepKind): string {
  const used = new Set(steps.map((s) => s.key));
  if (!used.has(kind)) return kind;
  let n = 2;
  while (used.has(`${kind}_${n}`)) n += 1;
  return `${kind}_${n}`;
}

/** The name a step gets when the editor has not written one: its procedure's, else its kind's. */
export const autoStepName = (s: Pick<WorkflowStep, 'kind' | 'procedure'>) =>
  s.kind === 'special' && s.procedure ? zh(`workflow.procedures.${s.procedure}`) : zh(`workflow.kinds.${s.kind}`);

/** A name the editor did not write (empty or the automatic one) follows changes of kind and procedure. */
export const isAutoNamed = (s: WorkflowStep) => !s.name.trim() || s.name === autoStepName(s) || s.name === zh(`workflow.kinds.${s.kind}`);

/** A new step of `kind` (a special one starts as 现场勘查), named after it, with a key of its own. */
export function newStep(steps: readonly WorkflowStep[], kind: StepKind): WorkflowStep {
  const step: WorkflowStep = { key: newStepKey(steps, kind), kind, name: '', ...(kind === 'special' ? { procedure: 'on_site' as const } : {}) };
  return { ...step, name: autoStepName(step) };
}

/** The step at `i` turned into another kind, or given another procedure; an automatic name follows. */
export function changeStep(steps: readonly WorkflowStep[], i: number, patch: { kind?: StepKind; procedure?: WorkflowStep['procedure'] }): WorkflowStep[] {
  const current = steps[i]!;
  const { procedure: _old, ...rest } = current;
  const kind = patch.kind ?? current.kind;
  const procedure = kind === 'special' ? (patch.procedure ?? current.procedure ?? 'on_site') : undefined;
  // Keys stay meaningful: a step that becomes another kind gets a key of that kind.
  const key = kind === current.kind ? current.key : newStepKey(steps.filter((_, j) => j !== i), kind);
  const next: WorkflowStep = { ...rest, kind, key, ...(procedure ? { procedure } : {}) };
  if (isAutoNamed(current)) next.name = autoStepName(next);
  return steps.map((s, j) => (j === i ? next : s));
}

/** New steps are most often special procedures during review: they go before the decision. */
export function insertBeforeDecision(steps: readonly WorkflowStep[], step: WorkflowStep): WorkflowStep[] {
  const decide = steps.findIndex((s) => s.kind === 'decide');
  const at = decide < 0 ? steps.length : decide;
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

/** Moves the step at `from` one place up (-1) or down (+1). */
export function moveStep<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export interface FactOption {
  value: string;
  title: string;
  numeric: boolean;
}

/** What a 秒批 rule may look at: the item's form fields, then the applicant's facts. */
export function factOptions(c: ItemContent): { form: FactOption[]; applicant: FactOption[] } {
  const schema = (c.form as { schema?: { properties?: Record<string, { title?: string; type?: string }> } } | undefined)?.schema;
  const form = Object.entries(schema?.properties ?? {}).map(([name, p]) => ({
    value: `form.${name}`,
    title: p.title || name,
    numeric: p.type === 'number' || p.type === 'integer',
  }));
  const applicant = APPLICANT_FACTS.map((f) => ({ value: `applicant.${f}`, title: zh(`instant.facts.${f}`), numeric: f === 'age' }));
  return { form, applicant };
}

const SYMBOL: Record<RuleOp, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', in: '∈', prefix: '^' };

/** The explanation the applicant reads when the editor has not written one, e.g. 申请人年龄 ≥ 80. */
export function suggestedLabel(rule: Omit<InstantRule, 'label'>, facts: readonly FactOption[]): string {
  const title = facts.find((f) => f.value === rule.fact)?.title ?? rule.fact;
  const value = Array.isArray(rule.value)
    ? rule.value.join('、')
    : rule.fact === 'applicant.kind'
      ? zh(`instant.kinds.${String(rule.value)}`)
      : String(rule.value);
  if (rule.op === 'prefix') return `${title}${zh('instant.ops.prefix').replace('…', ` ${value} `)}`;
  if (rule.op === 'in') return `${title}${zh('instant.ops.in')}：${value}`;
  return `${title} ${SYMBOL[rule.op]} ${value}`;
}

/** Keeps a rule's value of the type its comparison needs (list for `in`, number for ordering). */
export function coerceValue(op: RuleOp, value: RuleValue, numericFact: boolean): RuleValue {
  if (op === 'in') return Array.isArray(value) ? value : value === '' ? [] : [String(value)];
  const single = Array.isArray(value) ? (value[0] ?? '') : value;
  if (['gt', 'gte', 'lt', 'lte'].includes(op) || (numericFact && op !== 'prefix')) {
    const n = typeof single === 'number' ? single : Number(single);
    return Number.isFinite(n) ? n : 0;
  }
  return typeof single === 'string' ? single : String(single);
}

/** One step or rule per line, as the editor's other lists look. */
export const LIST_ROW = { padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' };

export type LevelledIssue = Quality['errors'][number] & { level: 'error' | 'warning' };

/** The quality issues about one part of the content (a dotted field path prefix). */
export function issuesUnder(quality: Quality | undefined, prefix: string): LevelledIssue[] {
  if (!quality) return [];
  const under = (field: string) => field === prefix || field.startsWith(`${prefix}.`);
  return [
    ...quality.errors.filter((i) => under(i.field)).map((i) => ({ ...i, level: 'error' as const })),
    ...quality.warnings.filter((i) => under(i.field)).map((i) => ({ ...i, level: 'warning' as const })),
  ];
}
