import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { requireBureau } from './access.ts';

/**
 * The reference lists item content points to: licence types (证照目录) that replace materials or
 * are an item's result, and base-library fields (基础库 / 主题库) whose data replaces materials.
 * The license and data modules will own these directories (migration 001); until then the data
 * bureau keeps them here. Saving a list adds its new entries and updates the known ones.
 */
export interface LicenseTypeEntry {
  /** Defining body's USCC + 3-digit sequence (STANDARDS.md §1.3). */
  code: string;
  name: string;
  /** Who holds a licence of the type: a person, an organisation (entity), or either (any, e.g. 不动产权证书). */
  holder: 'person' | 'entity' | 'any';
  /** Abbreviation of the issuing department, e.g. GAJ. */
  departmentCode: string;
  /** Data fields of the licence (key → label), usable as prefill sources. */
  fields: Record<string, string>;
}

export interface BaseFieldEntry {
  /** e.g. population.household_address */
  key: string;
  label: string;
  /** 基础库 (population, legal_entity, geo, credit, license) or a 主题库 (subject). */
  library: string;
  /** Abbreviation of the department that provides the data. */
  provider: string;
}

export async function saveLicenseTypes(db: Db, actor: Actor, regionCode: string, list: LicenseTypeEntry[]): Promise<void> {
  requireBureau(actor, { regionCode });
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into catalog_license_type (code, name, holder, department_code, fields)
       select code, name, holder, department_code, fields::jsonb from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         as t(code, name, holder, department_code, fields)
       on conflict (code) do update set name = excluded.name, holder = excluded.holder, department_code = excluded.department_code, fields = excluded.fields`,
      [list.map((l) => l.code), list.map((l) => l.name), list.map((l) => l.holder), list.map((l) => l.departmentCode), list.map((l) => JSON.stringify(l.fields))],
    );
    await appendAudit(tx, actor, {
      action: 'catalog.license_types.save',
      objectType: 'catalog_license_type',
      regionCode,
      details: { codes: list.map((l) => l.code) },
    });
  });
}

export async function saveBaseFields(db: Db, actor: Actor, regionCode: string, list: BaseFieldEntry[]): Promise<void> {
  requireBureau(actor, { regionCode });
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into catalog_base_field (key, label, library, provider)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
       on conflict (key) do update set label = excluded.label, library = excluded.library, provider = excluded.provider`,
      [list.map((f) => f.key), list.map((f) => f.label), list.map((f) => f.library), list.map((f) => f.provider)],
    );
    await appendAudit(tx, actor, {
      action: 'catalog.base_fields.save',
      objectType: 'catalog_base_field',
      regionCode,
      details: { keys: list.map((f) => f.key) },
    });
  });
}
