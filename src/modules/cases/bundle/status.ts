import type { CaseStatus } from '../model.ts';

export type BundleState = 'draft' | 'submitted' | 'withdrawn';
export const BUNDLE_STATUSES = ['draft', 'submitted', 'correction', 'processing', 'completed', 'withdrawn'] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];
export type BundleOutcome = 'approved' | 'partial' | 'disapproved' | null;

export interface MemberState {
  status: CaseStatus;
  outcome: 'approved' | 'disapproved' | null;
}

const FINAL = new Set<CaseStatus>(['completed', 'refused', 'withdrawn']);

/**
 * The status of a submitted bundle follows its member cases; it is computed on every read, never
 * stored, so no member event can be missed or applied twice. Completed when every member is
 * final; approved only if every member was approved, disapproved if none was, partial otherwise.
 * A 补正 in any member puts the bundle in correction: the applicant answers it in the bundle view.
 * Members of a later catalogue step wait as drafts until the earlier steps are final.
 */
export function bundleStatus(state: BundleState, members: readonly MemberState[]): { status: BundleStatus; outcome: BundleOutcome } {
  if (state !== 'submitted' || members.length === 0) return { status: state, outcome: null };
  if (members.every((m) => FINAL.has(m.status))) {
    if (members.every((m) => m.status === 'withdrawn')) return { status: 'withdrawn', outcome: null };
    const approved = members.filter((m) => m.status === 'completed' && m.outcome === 'approved').length;
    return { status: 'completed', outcome: approved === members.length ? 'approved' : approved === 0 ? 'disapproved' : 'partial' };
  }
  if (members.some((m) => m.status === 'correction')) return { status: 'correction', outcome: null };
  const started = members.filter((m) => m.status !== 'draft');
  if (started.length && started.every((m) => m.status === 'submitted')) return { status: 'submitted', outcome: null };
  return { status: 'processing', outcome: null };
}
