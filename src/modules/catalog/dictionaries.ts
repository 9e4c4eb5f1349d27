import type { Queryable } from '../../kernel/db/index.ts';

/**
 * The catalogue's public dictionaries (item types, licence types, base-library fields) that the
 * editor and the portal offer as choices. Read by anyone: they hold no personal data.
 */
export function itemTypes(db: Queryable) {
  return db.query<{ code: string; name: string; letter: string; applicationBased: boolean }>(
    `select code, name, letter, application_based as "applicationBased" from catalog_item_type order by sort`,
  );
}

export function licenceTypes(db: Queryable) {
  return db.query<{ code: string; name: string; holder: string; departmentCode: string }>(
    `select code, name, holder, department_code as "departmentCode", fields from catalog_license_type order by code`,
  );
}

export function baseFields(db: Queryable) {
  return db.query<{ key: string; label: string; library: string; provider: string }>(`select key, label, library, provider from catalog_base_field order by key`);
}
