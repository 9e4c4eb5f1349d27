import type { Queryable } from '../../../kernel/db/index.ts';
import type { FillRequest } from '../../data/index.ts';
import { enterpriseById, personIdNumberIndex } from '../../identity/index.ts';
import { departmentRefsById } from '../../org/index.ts';
import type { PublishedVersion } from '../../catalog/index.ts';
import type { CaseRow } from '../model.ts';

/**
 * Whom a case is about, as the base libraries find them: the applicant person by identity's blind
 * index of their ID number (the libraries' key index for ID numbers), or the enterprise by its
 * 统一社会信用代码. Nothing is read in clear.
 */
export async function caseSubject(q: Queryable, c: Pick<CaseRow, 'applicant_person_id' | 'applicant_enterprise_id'>) {
  const personIndex = c.applicant_person_id ? ((await personIdNumberIndex(q, c.applicant_person_id)) ?? null) : null;
  const uscc = c.applicant_enterprise_id ? ((await enterpriseById(q, c.applicant_enterprise_id))?.uscc ?? null) : null;
  return { personIndex, uscc };
}

/**
 * What a read of the libraries for an application is, as the applicant's ledger records it: the
 * item's department through the portal, for the item, on the item's (first) legal basis.
 */
export async function libraryUse(q: Queryable, v: PublishedVersion, what: '免填报' | '免提交'): Promise<FillRequest['use']> {
  const department = (await departmentRefsById(q, [v.departmentId])).get(v.departmentId);
  const basis = v.content.legalBasis?.[0];
  return {
    departmentId: v.departmentId,
    departmentName: department?.name ?? '',
    system: '一网通办',
    purpose: `办理“${v.name}”（${what}）`,
    legalBasis: basis ? [basis.law, basis.article].filter(Boolean).join(' ') : null,
  };
}
