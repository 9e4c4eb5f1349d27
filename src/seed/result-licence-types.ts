import type { LicenseTypeEntry } from '../modules/catalog/index.ts';
import type { DemoLicenceType } from '../modules/license/index.ts';
import type { PublishedDemoItem } from './published-items.ts';

/** Fields every licence has already (holder, identifier, dates, issuer): not part of a type's own schema. */
const COMMON_FIELDS = new Set(['holder_name', 'holder_id_number', 'license_number', 'issue_date', 'issuer', 'valid_until']);
const PERSONAL = /id_number|phone|mobile/;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The licence type of every licence a published demo item issues, from the catalogue's own list
 * of licence types (its names and data fields): a case's result must find its type, or the
 * licence is never issued. Issued by the departments that own those items; administered by the
 * city department the catalogue names (else the first issuer). The item forms differ, so no field
 * is required: the licence carries what the applicant's form gives (`fieldsFromForm`).
 */
export function resultLicenceTypes(
  items: readonly PublishedDemoItem[],
  catalogue: readonly LicenseTypeEntry[],
  cityDepartmentId: (abbr: string) => string | undefined,
): DemoLicenceType[] {
  const issuers = new Map<string, Set<string>>();
  for (const i of items) if (i.licenseTypeCode) issuers.set(i.licenseTypeCode, (issuers.get(i.licenseTypeCode) ?? new Set()).add(i.departmentId));
  return catalogue.flatMap((entry) => {
    const by = issuers.get(entry.code);
    if (!by) return [];
    const issuingDepartmentIds = [...by];
    return [
      {
        code: entry.code,
        name: entry.name,
        holderKind: entry.holder === 'entity' ? ('enterprise' as const) : entry.holder === 'any' ? ('any' as const) : ('person' as const),
        departmentId: cityDepartmentId(entry.departmentCode) ?? issuingDepartmentIds[0]!,
        issuingDepartmentIds,
        fields: Object.entries(entry.fields)
          .filter(([key]) => !COMMON_FIELDS.has(key))
          .map(([key, label]) => ({ key: camel(key), label, type: 'text' as const, required: false, personal: PERSONAL.test(key) })),
        title: entry.name,
      },
    ];
  });
}
