import type { Db } from '../../kernel/db/index.ts';
import { departmentRefsById, getRegion } from '../org/index.ts';
import { guideHalls } from './guide-halls.ts';
import { noSubmitMaterials } from './guide-materials.ts';
import { guideProcess } from './guide-process.ts';
import { getPublishedVersion } from './items.ts';
import type { Guide } from './route-schemas.ts';

export type { Guide };

/**
 * 办事指南: the published version of an item, with the names a reader needs, its 办理流程 made
 * from the workflow a case runs, and the materials the platform obtains itself. Public.
 */
export async function getGuide(db: Db, idOrCode: string): Promise<Guide> {
  const v = await getPublishedVersion(db, idOrCode);
  const [dept, region, type, bundles, halls, noSubmit] = await Promise.all([
    departmentRefsById(db, [v.departmentId]),
    getRegion(db, v.regionCode).catch(() => undefined),
    v.content.typeCode ? db.one<{ name: string }>('select name from catalog_item_type where code = $1', [v.content.typeCode]) : undefined,
    db.query<{ id: string; code: string; name: string }>(
      `select distinct b.id, b.code, b.name from catalog_bundle b join catalog_bundle_member m on m.bundle_id = b.id
        where m.item_id = $1 and b.status = 'published' order by b.code`,
      [v.itemId],
    ),
    guideHalls(db, v),
    noSubmitMaterials(db, v.content),
  ]);
  // Popularity from reading; not worth a failed request if it cannot be counted.
  await db.query('update catalog_item set view_count = view_count + 1 where id = $1', [v.itemId]).catch(() => undefined);
  return {
    ...v,
    regionName: region?.name ?? '',
    departmentName: dept.get(v.departmentId)?.name ?? '',
    typeName: type?.name ?? '',
    bundles,
    halls,
    process: guideProcess(v.content),
    noSubmit,
  };
}
