import type { Queryable } from '../../kernel/db/index.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { parentRegionCode, regionLevel, toRegionCode } from '../../kernel/region-code.ts';
import { hallRefsById, hallRefsInRegion, type HallRef } from '../org/index.ts';
import type { ItemContent } from './content.ts';

/**
 * The service halls where an item can be handled, with their positions, for the guide's places
 * and its "nearest hall". Which halls, in order of precedence:
 * 1. the halls the content links by hallId (the editor said where; we believe it);
 * 2. an item with a 通办 scope (flags.crossScope) is handled at every hall of its city;
 * 3. otherwise the halls of the item's own region, or of the nearest region above it that has
 *    one (a town's item is handled at its county's centre).
 */
export async function guideHalls(q: Queryable, item: { regionCode: string; content: ItemContent }): Promise<HallRef[]> {
  const linked = (item.content.halls ?? []).flatMap((h) => (h.hallId ? [h.hallId] : []));
  if (linked.length) {
    const halls = await hallRefsById(q, linked.filter((id) => UUID.test(id)));
    if (halls.length) return halls;
  }
  if (item.content.flags?.crossScope) {
    const city = regionLevel(item.regionCode) <= 2 ? item.regionCode : toRegionCode(item.regionCode.slice(0, 4));
    return hallRefsInRegion(q, city, { subtree: true });
  }
  for (let code: string | null = item.regionCode; code; code = parentRegionCode(code)) {
    const halls = await hallRefsInRegion(q, code, { subtree: false });
    if (halls.length) return halls;
  }
  return [];
}

// hallId is free text in the content schema; a malformed one must not reach a uuid cast.
const UUID = new RegExp(UUID_PATTERN);
