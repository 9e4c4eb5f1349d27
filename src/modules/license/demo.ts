import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { departments } from '../org/index.ts';
import type { FieldSpec } from './fields.ts';
import { issueLicence, type HolderInput } from './issue.ts';
import { fetchTypeByCode } from './types.ts';

export interface DemoLicenceType {
  /** A national type code (the defining ministry's USCC + sequence), as the catalogue's items name it. */
  code: string;
  name: string;
  holderKind: 'person' | 'enterprise' | 'any';
  /** The city department that administers the type (and issues it unless `issuingDepartmentIds` says otherwise). */
  departmentId: string;
  /** The departments that issue it, e.g. the city's and the counties' civil affairs bureaus for 结婚证. */
  issuingDepartmentIds?: string[];
  fields: FieldSpec[];
  validity?: { years?: number; months?: number };
  title?: string;
  catalogueItems?: string[];
}

/**
 * Demo reference data: licence types under the national codes the demo catalogue's items
 * produce and accept (created directly, because `createType` derives codes from a city
 * department's USCC), and licences already held, so 免证办 and the licence result can be tried.
 */
export async function seedDemoLicences(
  ctx: AppContext,
  actor: Actor,
  input: { types: DemoLicenceType[]; licences: { typeCode: string; departmentId: string; holder: HolderInput; fields: Record<string, unknown> }[] },
): Promise<{ types: number; licences: number }> {
  let types = 0;
  for (const t of input.types) {
    if (await fetchTypeByCode(ctx.db, t.code)) continue;
    const dept = await departments.fetch(ctx.db, t.departmentId);
    if (!dept) continue;
    await ctx.db.query(
      `insert into licence_type (id, code, name, holder_kind, defining_department_id, region_code, issuing_department_ids, fields, validity, template, catalogue_items)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        uuidv7(),
        t.code,
        t.name,
        t.holderKind,
        dept.id,
        dept.regionCode,
        t.issuingDepartmentIds?.length ? t.issuingDepartmentIds : [dept.id],
        JSON.stringify(t.fields),
        JSON.stringify(t.validity ?? {}),
        JSON.stringify(t.title ? { title: t.title } : {}),
        t.catalogueItems ?? [],
      ],
    );
    types++;
  }
  for (const l of input.licences) await issueLicence(ctx, actor, { ...l, source: 'import' });
  return { types, licences: input.licences.length };
}
