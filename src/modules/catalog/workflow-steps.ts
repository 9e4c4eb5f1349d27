import type { ItemContent, WorkflowStep } from './content.ts';

/** 受理 → 审查 → 决定: what an item without a workflow of its own runs. */
export const DEFAULT_WORKFLOW: readonly WorkflowStep[] = [
  { key: 'accept', name: '受理', kind: 'accept' },
  { key: 'review', name: '审查', kind: 'review' },
  { key: 'decide', name: '决定', kind: 'decide' },
];

/**
 * The steps a case of this content runs, in order: the item's own workflow when it is usable
 * (starts with 受理 and has a 决定; the WORKFLOW quality rule checks it before publication), the
 * default otherwise; a payment step is dropped when the item charges nothing, so a fee-free
 * version cannot stall. Cases copy these into a new case; the guide's 办理流程 shows them.
 */
export function itemWorkflow(content: Pick<ItemContent, 'workflow' | 'fees'>): WorkflowStep[] {
  const defined = content.workflow;
  if (!defined?.length || defined[0]!.kind !== 'accept' || !defined.some((s) => s.kind === 'decide')) return DEFAULT_WORKFLOW.map((s) => ({ ...s }));
  return defined.filter((s) => s.kind !== 'payment' || content.fees?.charged);
}
