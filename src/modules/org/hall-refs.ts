import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import type { HallRef } from './hall-ref.ts';

export type { HallRef };

const SELECT = `select h.id, h.name, h.region_code as "regionCode", r.name as "regionName", h.address, h.phone,
  h.opening_hours as "openingHours", h.latitude, h.longitude
  from hall h join region r on r.code = h.region_code`;

/** Halls by id, in region and name order; unknown ids are skipped. */
export async function hallRefsById(q: Queryable, ids: readonly string[]): Promise<HallRef[]> {
  if (ids.length === 0) return [];
  return q.query<HallRef & Record<string, unknown>>(`${SELECT} where h.id = any($1::uuid[]) order by h.region_code, h.name`, [[...new Set(ids)]]);
}

/** Halls of one region, or of its whole subtree. */
export async function hallRefsInRegion(q: Queryable, regionCode: string, options: { subtree: boolean }): Promise<HallRef[]> {
  return options.subtree
    ? q.query<HallRef & Record<string, unknown>>(`${SELECT} where h.region_code like $1 order by h.region_code, h.name`, [`${regionPrefix(regionCode)}%`])
    : q.query<HallRef & Record<string, unknown>>(`${SELECT} where h.region_code = $1 order by h.name`, [regionCode]);
}
