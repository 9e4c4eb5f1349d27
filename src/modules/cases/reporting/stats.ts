import type { Actor, Role } from '../../../kernel/actor.ts';
import { grantsFor, requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { caseIndicatorInputs, rollUp, type CaseIndicatorRow } from './indicators.ts';
import type { Period } from './period.ts';
import type { DepartmentStats } from './schemas.ts';

/** Who sees department statistics: the department's own approvers and administrator, leaders, administrators. */
export const STATS_ROLES: readonly Role[] = ['department_admin', 'approver', 'leader', 'administrator'];

export interface DepartmentStatsQuery extends Period {
  departmentId?: string;
  regionCode?: string;
}

export type { DepartmentStats };

function groupBy<K extends string>(rows: CaseIndicatorRow[], key: (r: CaseIndicatorRow) => K): Map<K, CaseIndicatorRow[]> {
  const m = new Map<K, CaseIndicatorRow[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/**
 * 部门统计 for the workbench: received, accepted, completed, overdue and average days, per item
 * and per month, counted only over cases the caller's grants cover. Staff whose every grant is
 * narrowed to a department may not name another one (403); without a department named, their
 * own department is meant.
 */
export async function departmentStats(db: Queryable, actor: Actor, query: DepartmentStatsQuery): Promise<DepartmentStats> {
  const staff = requireRole(actor, STATS_ROLES);
  const grants = grantsFor(staff, STATS_ROLES);
  const departmentId = query.departmentId ?? staff.departmentId ?? undefined;
  const narrowed = grants.every((g) => g.departmentId !== null);
  if (narrowed && departmentId && !grants.some((g) => g.departmentId === departmentId)) throw forbidden({ departmentId });
  const inputs = await caseIndicatorInputs(
    db,
    { from: query.from, to: query.to, regionCode: query.regionCode, departmentId },
    (params) => scopeCondition(staff, STATS_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params),
  );
  const byItem = [...groupBy(inputs.rows, (r) => r.itemId)].map(([itemId, rows]) => ({
    itemId,
    itemCode: rows[0]!.itemCode,
    itemName: rows[0]!.itemName,
    ...rollUp(rows),
  }));
  byItem.sort((a, b) => b.received - a.received || a.itemCode.localeCompare(b.itemCode));
  const byMonth = [...groupBy(inputs.rows, (r) => r.period)].map(([period, rows]) => ({ period, ...rollUp(rows) })).sort((a, b) => a.period.localeCompare(b.period));
  return { from: inputs.from, to: inputs.to, departmentId: departmentId ?? null, totals: inputs.totals, byItem, byMonth };
}
