import type { Queryable } from '../../kernel/db/index.ts';
import { fetchedBy } from '../../kernel/guide/material.ts';
import { licenceTypeNames } from '../license/index.ts';
import type { ItemContent } from './content.ts';
import type { GuideNoSubmit } from './route-schemas.ts';

/**
 * The materials the guide may call 免提交: shared data and base-library fields always; one an
 * e-licence replaces only when the platform keeps that licence type (证照目录), since no wallet
 * can hold another — such a material is asked for like any other, and the guide says nothing.
 * Keys as cases attach files by (`key`, else m1, m2 … by position).
 */
export async function noSubmitMaterials(q: Queryable, content: ItemContent): Promise<GuideNoSubmit[]> {
  const materials = (content.materials ?? []).map((m, i) => ({ m, key: m.key ?? `m${i + 1}`, via: fetchedBy(m) }));
  const types = await licenceTypeNames(q, materials.flatMap(({ m, via }) => (via === 'licence' ? [m.replacedByLicenseType!] : [])));
  return materials.flatMap(({ m, key, via }): GuideNoSubmit[] => {
    if (via === 'data') return [{ key, via, licenceTypeName: null }];
    const name = via === 'licence' ? types.get(m.replacedByLicenseType!) : undefined;
    return name ? [{ key, via: 'licence', licenceTypeName: name }] : [];
  });
}
