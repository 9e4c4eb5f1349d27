import type { Queryable } from '../../../kernel/db/index.ts';
import { fetchedBy } from '../../../kernel/guide/material.ts';
import type { ItemContent } from '../../catalog/index.ts';
import { licenceTypeNames } from '../../license/index.ts';
import { licenceCoveredMaterials } from '../result/licence.ts';
import type { CaseRow } from '../model.ts';
import type { MaterialStatus } from '../schemas.ts';
import { materialKeyOf } from './materials.ts';

export type { MaterialStatus };

/**
 * What the application asks of the applicant, material by material — the one answer the case
 * page shows and submission checks: obtained by the platform (已自动获取: shared data, or the
 * valid e-licence found in the applicant's wallet, named), or to be uploaded; for a material an
 * e-licence would replace but the wallet does not hold, which licence that is (the page says
 * so and what to do). `demanded`: required, not obtained and without a file yet.
 */
export async function materialStatuses(q: Queryable, c: CaseRow, content: ItemContent): Promise<MaterialStatus[]> {
  const defs = content.materials ?? [];
  const have = new Set((await q.query<{ k: string }>('select distinct material_key as k from case_material where case_id = $1', [c.id])).map((r) => r.k));
  const covered = await licenceCoveredMaterials(q, c, defs);
  const types = await licenceTypeNames(q, defs.flatMap((m) => (m.replacedByLicenseType ? [m.replacedByLicenseType] : [])));
  return defs.map((m, i) => {
    const key = materialKeyOf(m, i);
    const via = fetchedBy(m);
    const identifier = covered.get(key);
    const typeName = m.replacedByLicenseType ? (types.get(m.replacedByLicenseType) ?? null) : null;
    const fetched: MaterialStatus['fetched'] =
      via === 'data' ? { via: 'data', licenceIdentifier: null, licenceTypeName: null } : identifier ? { via: 'licence', licenceIdentifier: identifier, licenceTypeName: typeName } : null;
    return {
      key,
      name: m.name,
      fetched,
      // a type the platform keeps but the wallet lacks: the applicant uploads, or gets the e-licence first
      licenceMissing: via === 'licence' && !identifier && typeName ? { typeName } : null,
      uploaded: have.has(key),
      demanded: m.necessity === 'required' && !fetched && !have.has(key),
    };
  });
}
