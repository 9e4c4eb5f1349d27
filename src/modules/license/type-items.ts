import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { itemsProducingLicence } from '../catalog/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { ProducingItem } from './schemas.ts';
import { getType } from './types.ts';

/**
 * The catalogue items that produce a licence type: those whose published content names the type's
 * code as its result. Read-only here — the link is edited with the item, in the catalogue.
 */
export async function typeProducingItems(ctx: AppContext, actor: Actor, id: string): Promise<{ items: ProducingItem[] }> {
  const type = await getType(ctx, actor, id);
  const items = await itemsProducingLicence(ctx.db, type.code);
  const depts = await departmentRefsById(ctx.db, [...new Set(items.map((i) => i.departmentId))]);
  return { items: items.map((i) => ({ ...i, departmentName: depts.get(i.departmentId)?.name ?? '' })) };
}
