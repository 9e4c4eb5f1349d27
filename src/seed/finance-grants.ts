import type { StaffActor } from '../kernel/actor.ts';
import type { Db } from '../kernel/db/index.ts';
import type { PersonalData } from '../kernel/pii.ts';
import { departmentRefsById, setStaffRoles, staffStore } from '../modules/org/index.ts';
import { departmentsOf, publishedDemoItems } from './published-items.ts';

/**
 * A department that collects a fee at a case's payment step (the fee notice names it as the
 * collecting unit) needs a finance officer for its totals, reconciliation and refunds: the demo
 * finance officer gets a grant for each one, after the catalogue says which they are. Grants the
 * account already holds are kept.
 */
export async function grantCollectingDepartments(db: Db, pii: PersonalData, admin: StaffActor, username: string): Promise<number> {
  const collecting = departmentsOf((await publishedDemoItems(db)).filter((i) => i.collectsAtPaymentStep));
  if (!collecting.length) return 0;
  const store = staffStore(pii);
  const account = (await store.list(db, admin, { page: 1, pageSize: 10, q: username })).items.find((s) => s.username === username);
  if (!account) return 0;
  const held = new Set(account.roles.map((g) => `${g.role}/${g.departmentId ?? ''}`));
  const refs = await departmentRefsById(db, collecting);
  const added = collecting
    .filter((id) => !held.has(`finance_officer/${id}`) && refs.has(id))
    .map((id) => ({ role: 'finance_officer' as const, regionCode: refs.get(id)!.regionCode, departmentId: id }));
  if (added.length) await setStaffRoles(db, store, admin, account.id, [...account.roles, ...added]);
  return added.length;
}
