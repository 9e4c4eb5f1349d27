import type { Queryable } from '../../kernel/db/index.ts';

/** A catalogue item whose published content results in a licence of a given type. */
export interface LicenceProducer {
  itemId: string;
  code: string;
  name: string;
  regionCode: string;
  departmentId: string;
}

/**
 * Items whose published version names `licenceTypeCode` as its result (result.licenseTypeCode):
 * read from the content itself, so the list cannot drift from what cases will issue.
 */
export async function itemsProducingLicence(q: Queryable, licenceTypeCode: string): Promise<LicenceProducer[]> {
  return q.query<LicenceProducer & Record<string, unknown>>(
    `select i.id as "itemId", i.code, v.name, i.region_code as "regionCode", i.department_id as "departmentId"
       from catalog_item i
       join catalog_item_version v on v.id = i.published_version_id
      where i.status = 'published' and v.content->'result'->>'licenseTypeCode' = $1
      order by i.code
      limit 500`,
    [licenceTypeCode],
  );
}
