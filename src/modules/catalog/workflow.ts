import { actorId, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Tx } from '../../kernel/db/index.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/outbox.ts';
import { requireBureau, requireEditor } from './access.ts';
import { bumpSearchGeneration, canSeeItem, fetchItems, itemsWithVersions, latestVersions, ruleContext, type ItemRow, type VersionRow, type VersionStatus, type VersionWithQuality } from './items.ts';
import { checkQuality } from './rules.ts';

export type Transition = 'submit' | 'withdraw' | 'approve' | 'reject' | 'publish' | 'retire';

const FROM: Record<Transition, VersionStatus[]> = {
  submit: ['draft'],
  withdraw: ['submitted'],
  approve: ['submitted'],
  reject: ['submitted', 'reviewed'],
  publish: ['reviewed'],
  retire: ['published'],
};

/**
 * The workflow: draft → submitted (editor) → reviewed (data bureau approves; reject returns it
 * to draft) → published (data bureau; the previously published version retires) → retired.
 * Submitting and publishing are refused while a quality rule fails.
 */
export async function transition(db: Db, actor: Actor, itemId: string, action: Transition, comment = ''): Promise<VersionWithQuality> {
  return (await transitionItems(db, actor, [itemId], action, comment))[0]!;
}

/**
 * One step of the workflow for a list of items, in one transaction: each item is checked and
 * audited as `transition` does, and the first refusal undoes them all. The seed publishes a
 * city's starting catalogue this way; reading the reference lists once and writing each step
 * in one statement keeps that as fast as the table inserts it replaced.
 */
export async function transitionItems(db: Db, actor: Actor, itemIds: string[], action: Transition, comment = ''): Promise<VersionWithQuality[]> {
  const ids = [...new Set(itemIds)];
  return db.transaction(async (tx) => {
    const items = new Map((await fetchItems(tx, ids)).map((i) => [i.id, i]));
    const versions = await latestVersions(tx, ids, action === 'retire' ? `v.status = 'published'` : `v.status <> 'retired'`);
    const ctx = action === 'submit' || action === 'publish' || action === 'approve' ? await ruleContext(tx) : undefined;
    const steps = ids.map((id) => {
      const item = items.get(id);
      if (!item || !canSeeItem(actor, item)) throw notFound('item', id);
      if (action === 'submit' || action === 'withdraw') requireEditor(actor, item);
      else requireBureau(actor, item);
      const version = versions.get(id);
      if (!version || !FROM[action].includes(version.status)) {
        throw conflict('ITEM_TRANSITION', { action, status: version?.status ?? 'none' }, { action, status: version?.status ?? null });
      }
      if (ctx) {
        const quality = checkQuality(version.content, ctx);
        if (!quality.ok) throw unprocessable('ITEM_QUALITY_FAILED', { count: quality.errors.length }, { errors: quality.errors });
      }
      return { item, version };
    });
    if (action === 'reject' && !comment.trim()) throw unprocessable('ITEM_REJECT_COMMENT', {}, { field: 'comment' });
    await apply(tx, actor, action, comment, steps);
    for (const { item, version } of steps) {
      await appendAudit(tx, actor, {
        action: `catalog.version.${action}`,
        objectType: 'catalog_item',
        objectId: item.id,
        regionCode: item.regionCode,
        details: { versionNo: version.versionNo, ...(comment ? { comment } : {}) },
      });
    }
    return itemsWithVersions(tx, ids, 'v.id = any($2::uuid[])', [steps.map((s) => s.version.id)]);
  });
}

/** The writes of one step, one statement each for the whole list. */
async function apply(tx: Tx, actor: Actor, action: Transition, comment: string, steps: { item: ItemRow; version: VersionRow }[]) {
  const by = actorId(actor);
  const versionIds = steps.map((s) => s.version.id);
  const itemIds = steps.map((s) => s.item.id);
  switch (action) {
    case 'submit':
      await tx.query(`update catalog_item_version set status = 'submitted', submitted_by = $2, submitted_at = now(), updated_at = now() where id = any($1::uuid[])`, [versionIds, by]);
      break;
    case 'withdraw':
      await tx.query(`update catalog_item_version set status = 'draft', updated_at = now() where id = any($1::uuid[])`, [versionIds]);
      break;
    case 'approve':
      await tx.query(
        `update catalog_item_version set status = 'reviewed', reviewed_by = $2, reviewed_at = now(), review_comment = $3, updated_at = now() where id = any($1::uuid[])`,
        [versionIds, by, comment || null],
      );
      break;
    case 'reject':
      await tx.query(
        `update catalog_item_version set status = 'draft', reviewed_by = $2, reviewed_at = now(), review_comment = $3, updated_at = now() where id = any($1::uuid[])`,
        [versionIds, by, comment],
      );
      break;
    case 'publish':
      await tx.query(`update catalog_item_version set status = 'retired', retired_at = now() where item_id = any($1::uuid[]) and status = 'published'`, [itemIds]);
      await tx.query(`update catalog_item_version set status = 'published', published_by = $2, published_at = now(), updated_at = now() where id = any($1::uuid[])`, [versionIds, by]);
      await tx.query(
        `update catalog_item i set status = 'published', published_version_id = v.id, updated_at = now()
         from catalog_item_version v where v.id = any($1::uuid[]) and i.id = v.item_id`,
        [versionIds],
      );
      await bumpSearchGeneration(tx);
      for (const { item, version } of steps) {
        await emit(tx, {
          topic: 'catalog.item.published',
          payload: { itemId: item.id, versionId: version.id, versionNo: version.versionNo, code: item.code },
          regionCode: item.regionCode,
        });
      }
      break;
    case 'retire':
      await tx.query(`update catalog_item_version set status = 'retired', retired_at = now() where id = any($1::uuid[])`, [versionIds]);
      await tx.query(`update catalog_item set status = 'retired', published_version_id = null, updated_at = now() where id = any($1::uuid[])`, [itemIds]);
      await bumpSearchGeneration(tx);
      for (const { item, version } of steps) {
        await emit(tx, { topic: 'catalog.item.retired', payload: { itemId: item.id, versionId: version.id, code: item.code }, regionCode: item.regionCode });
      }
      break;
  }
}
