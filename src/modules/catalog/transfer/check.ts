import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { departmentRefsByCode, type DepartmentRef } from '../../org/index.ts';
import { canEdit } from '../access.ts';
import { parseHandleItemCode } from '../codes.ts';
import { itemsByCode, referenceLists } from '../items.ts';
import type { ParsedRow } from './cells.ts';
import type { IssueFn } from './report.ts';

/** Checks codes, departments, permissions and references of every row (nothing written). */
export async function checkRows(db: Db, actor: Actor, rows: ParsedRow[], issue: IssueFn) {
  const [existing, depts, { rules: ctx, letters: letterOf }] = await Promise.all([
    itemsByCode(
      db,
      rows.map((r) => r.code),
    ),
    departmentRefsByCode(
      db,
      rows.map((r) => r.department),
    ),
    referenceLists(db),
  ]);
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.code) {
      issue(r.row, 'CODE_REQUIRED', {}, 'code');
      continue;
    }
    if (seen.has(r.code)) issue(r.row, 'CODE_DUPLICATE', { code: r.code, first: seen.get(r.code)! }, 'code');
    seen.set(r.code, r.row);
    const parsed = parseHandleItemCode(r.code);
    if (!parsed.ok) {
      issue(r.row, 'CODE_INVALID', { code: r.code, reason: parsed.reason }, 'code');
      continue;
    }
    const dept: DepartmentRef | undefined = depts.get(r.department);
    if (!dept) {
      issue(r.row, 'DEPARTMENT_UNKNOWN', { department: r.department }, 'department');
      continue;
    }
    const impl = parsed.value.implementation;
    if (impl.regionCode !== dept.regionCode || impl.uscc !== dept.uscc)
      issue(r.row, 'CODE_DEPARTMENT', { code: r.code, department: dept.code }, 'code');
    const old = existing.get(r.code);
    if (old && old.departmentId !== dept.id) issue(r.row, 'DEPARTMENT_CHANGED', { code: r.code }, 'department');
    if (old && (old.status === 'submitted' || old.status === 'reviewed')) issue(r.row, 'IN_REVIEW', { code: r.code }, 'code');
    if (!canEdit(actor, { regionCode: dept.regionCode, departmentId: dept.id }))
      issue(r.row, 'FORBIDDEN', { department: dept.code }, 'department');
    const c = r.content;
    if (!r.valid) continue;
    if (c.typeCode) {
      const letter = letterOf.get(c.typeCode);
      if (!letter) issue(r.row, 'TYPE_UNKNOWN', { typeCode: c.typeCode }, 'typeCode');
      else if (letter !== impl.basic.typeLetter) issue(r.row, 'TYPE_LETTER', { letter: impl.basic.typeLetter }, 'typeCode');
    }
    for (const m of c.materials ?? []) {
      if (m.replacedByLicenseType && !ctx.licenseTypes!.has(m.replacedByLicenseType))
        issue(r.row, 'LICENSE_TYPE_UNKNOWN', { code: m.replacedByLicenseType }, 'materials');
      if (m.replacedByBaseField && !ctx.baseFields!.has(m.replacedByBaseField))
        issue(r.row, 'BASE_FIELD_UNKNOWN', { field: m.replacedByBaseField }, 'materials');
    }
  }
}
