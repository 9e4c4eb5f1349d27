import { unprocessable } from '../../kernel/errors.ts';
import { validateUscc } from '../../kernel/validate/uscc.ts';
import { entityStore, stillReferenced } from './entity.ts';
import { checkReferences } from './references.ts';
import type { Department } from './schemas.ts';

export const departments = entityStore<Department>({
  entity: 'department',
  table: 'department',
  alias: 'd',
  from: 'department d join region r on r.code = d.region_code',
  select: 'd.*, r.name as region_name',
  // the other names too: a guide may name the unit (不动产登记中心), not the department
  searchColumns: ['d.name', 'd.short_name', 'd.code', 'd.uscc', "array_to_string(d.other_names, ' ')"],
  filters: { parentId: 'd.parent_id', sector: 'd.sector' },
  orderBy: 'd.region_code, d.code',
  // approvers too: 部门统计 lets an approver whose grant is not narrowed to a department choose
  // any department it covers, with this list behind its picker (it stayed empty for them); data
  // officers keep catalogues of every department's resources and licence types
  readRoles: ['administrator', 'department_admin', 'leader', 'approver', 'data_officer'],
  writeRoles: ['administrator'],
  departmentColumn: 'd.id',
  uniqueConstraints: { department_code_key: 'DEPARTMENT_CODE_TAKEN', department_uscc_key: 'USCC_TAKEN' },
  inUseCode: 'DEPARTMENT_IN_USE',
  scopeOf: (row) => ({ regionCode: String(row.regionCode), departmentId: String(row.id ?? '') }),
  async prepare(tx, _actor, input, existing) {
    if (input.uscc !== undefined) {
      const uscc = String(input.uscc).toUpperCase();
      const check = validateUscc(uscc);
      if (!check.ok) throw unprocessable('USCC_INVALID', { reason: check.reason }, { field: 'uscc', reason: check.reason });
      input.uscc = uscc;
    }
    await checkReferences(tx, { regionCode: input.regionCode });
    if (input.parentId) {
      if (existing && input.parentId === existing.id) {
        throw unprocessable('DEPARTMENT_PARENT_CYCLE', {}, { field: 'parentId' });
      }
      // A department may not sit under one of its own descendants.
      const parent = await tx.one<{ cycle: boolean }>(
        `with recursive up as (
           select id, parent_id from department where id = $1
           union all select d.id, d.parent_id from department d join up on d.id = up.parent_id)
         select coalesce(bool_or(id = $2), false) as cycle, count(*) as n from up`,
        [input.parentId, existing?.id ?? null],
      );
      if (!parent || Number((parent as { n?: number }).n ?? 0) === 0) {
        throw unprocessable('DEPARTMENT_PARENT_NOT_FOUND', {}, { field: 'parentId' });
      }
      if (parent.cycle) throw unprocessable('DEPARTMENT_PARENT_CYCLE', {}, { field: 'parentId' });
    }
    return input;
  },
  async beforeDelete(tx, row) {
    const staff = await tx.one<{ n: number }>('select count(*) as n from staff where department_id = $1', [row.id]);
    if (Number(staff?.n) > 0) throw stillReferenced('DEPARTMENT_HAS_STAFF', Number(staff?.n));
    const children = await tx.one<{ n: number }>('select count(*) as n from department where parent_id = $1', [row.id]);
    if (Number(children?.n) > 0) throw stillReferenced('DEPARTMENT_HAS_CHILDREN', Number(children?.n));
  },
});
