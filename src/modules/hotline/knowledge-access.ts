import type { Actor } from '../../kernel/actor.ts';
import { canAct, scopeCondition } from '../../kernel/auth.ts';
import { HANDLER_ROLES } from './store.ts';
import type { ArticleStatus } from './knowledge-schemas.ts';

/**
 * Who does what with a department's articles: the node's administrators everything; the
 * department's own staff (its 承办 roles) maintain its articles; the centre (话务员) reads what
 * is published and proposes drafts for any department, which the department then publishes.
 */
export type KnowledgeRole = 'admin' | 'maintainer' | 'centre' | null;

export function knowledgeRole(actor: Actor, department: { id: string; regionCode: string }): KnowledgeRole {
  if (actor.kind !== 'staff') return null;
  const target = { regionCode: department.regionCode, departmentId: department.id };
  if (canAct(actor, ['administrator'], target)) return 'admin';
  if (actor.departmentId === department.id && canAct(actor, HANDLER_ROLES, target)) return 'maintainer';
  if (canAct(actor, ['hotline_agent'], target)) return 'centre';
  return null;
}

/** The statuses a role reads: the centre sees the published articles and the proposals (drafts), not the retired. */
export function readsStatus(role: KnowledgeRole, status: ArticleStatus): boolean {
  if (role === 'admin' || role === 'maintainer') return true;
  return role === 'centre' && status !== 'retired';
}

/** The same rules as an SQL condition over `a` (the article, with its department's region), for lists. */
export function articleListCondition(actor: Actor, params: unknown[]): string {
  if (actor.kind !== 'staff') return 'false';
  const admin = scopeCondition(actor, ['administrator'], { region: 'a.region_code', department: 'a.department_id' }, params);
  const centre = scopeCondition(actor, ['hotline_agent'], { region: 'a.region_code', department: 'a.department_id' }, params);
  const parts = [admin, `(${centre} and a.status <> 'retired')`];
  if (actor.departmentId) {
    const handlers = scopeCondition(actor, HANDLER_ROLES, { region: 'a.region_code', department: 'a.department_id' }, params);
    params.push(actor.departmentId);
    parts.push(`(${handlers} and a.department_id = $${params.length})`);
  }
  return `(${parts.join(' or ')})`;
}
