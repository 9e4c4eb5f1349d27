import type { Queryable } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { libraryHolds, type LibraryHold } from '../../data/index.ts';
import { fetchedBy } from '../../../kernel/guide/material.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { licenceTypeNames } from '../../license/index.ts';
import { licenceCoveredMaterials } from '../result/licence.ts';
import type { CaseRow } from '../model.ts';
import type { MaterialStatus } from '../schemas.ts';
import { libraryLacks, materialKeyOf } from './materials.ts';
import { caseSubject, type LibrarySubject } from './library-use.ts';

export type { MaterialStatus };

/**
 * Which of the materials' base-library keys a library serves, and whether it holds the applicant
 * (data's `libraryHolds`): a case's, or the one a clerk or a 一件事 applies for.
 */
export async function libraryHoldsFor(
  q: Queryable,
  pii: PersonalData,
  subject: LibrarySubject,
  defs: readonly { replacedByBaseField?: string }[],
): Promise<Map<string, LibraryHold>> {
  const keys = [...new Set(defs.flatMap((m) => (m.replacedByBaseField ? [m.replacedByBaseField] : [])))];
  return keys.length ? libraryHolds(q, pii, await caseSubject(q, subject), keys) : new Map();
}

/**
 * What the application asks of the applicant, material by material — the one answer the case
 * page shows and submission checks: obtained by the platform (已自动获取: shared data, or the
 * valid e-licence found in the applicant's wallet, named), or to be uploaded; for a material an
 * e-licence would replace but the wallet does not hold, which licence that is (the page says
 * so and what to do). `demanded`: required, not obtained and without a file yet.
 */
export async function materialStatuses(q: Queryable, pii: PersonalData, c: CaseRow, content: ItemContent): Promise<MaterialStatus[]> {
  const defs = content.materials ?? [];
  const have = new Set((await q.query<{ k: string }>('select distinct material_key as k from case_material where case_id = $1', [c.id])).map((r) => r.k));
  const covered = await licenceCoveredMaterials(q, c, defs);
  const types = await licenceTypeNames(q, defs.flatMap((m) => (m.replacedByLicenseType ? [m.replacedByLicenseType] : [])));
  const holds = await libraryHoldsFor(q, pii, c, defs);
  return defs.map((m, i) => {
    const key = materialKeyOf(m, i);
    const via = fetchedBy(m);
    const identifier = covered.get(key);
    const typeName = m.replacedByLicenseType ? (types.get(m.replacedByLicenseType) ?? null) : null;
    // a library the data platform serves decides; shared data no library serves is the department's to obtain
    const hold = m.replacedByBaseField ? holds.get(m.replacedByBaseField) : undefined;
    const lacking = libraryLacks(m, holds);
    const dataSource = hold ? `${hold.providerName}“${hold.resourceName}”` : null;
    const fetched: MaterialStatus['fetched'] =
      via === 'data'
        ? lacking
          ? null
          : { via: 'data', licenceIdentifier: null, licenceTypeName: null, dataSource }
        : identifier
          ? { via: 'licence', licenceIdentifier: identifier, licenceTypeName: typeName, dataSource: null }
          : null;
    return {
      key,
      name: m.name,
      fetched,
      // a type the platform keeps but the wallet lacks: the applicant uploads, or gets the e-licence first
      licenceMissing: via === 'licence' && !identifier && typeName ? { typeName } : null,
      // a library that would replace it does not hold the applicant: the applicant uploads
      dataMissing: lacking,
      uploaded: have.has(key),
      demanded: m.necessity === 'required' && !fetched && !have.has(key),
    };
  });
}
