import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError, conflict } from '../../../kernel/errors.ts';
import { ownCase } from '../access.ts';

/**
 * 删除草稿: the applicant's own draft goes, with its timeline and uploaded files — it was never
 * submitted, so no number, deadline or department ever saw it. Anything else is refused: another
 * person's case 404 (ownCase), a colleague's draft for the same enterprise 403
 * `CASE_DRAFT_NOT_OWN`, a submitted case 409 `CASE_DELETE_NOT_DRAFT`, a 一件事 member waiting
 * for its step 409 `CASE_DELETE_IN_BUNDLE` (the bundle is withdrawn instead). Audited.
 */
export async function deleteDraft(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const fileKeys = await ctx.db.transaction(async (tx) => {
    const c = await ownCase(tx, actor, id);
    if (actor.kind === 'person' && c.owner_person_id !== actor.id) throw new AppError('CASE_DRAFT_NOT_OWN', 403);
    if (c.status !== 'draft') throw conflict('CASE_DELETE_NOT_DRAFT', { status: c.status }, { status: c.status });
    if (await tx.one('select 1 from case_bundle_member where case_id = $1', [c.id])) throw conflict('CASE_DELETE_IN_BUNDLE', {});
    const files = await tx.query<{ file_key: string }>('delete from case_material where case_id = $1 returning file_key', [c.id]);
    await tx.query('delete from case_event where case_id = $1', [c.id]);
    await tx.query('delete from case_record where id = $1', [c.id]);
    await appendAudit(tx, actor, {
      action: 'case.draft_deleted',
      objectType: 'case',
      objectId: c.id,
      regionCode: c.region_code,
      details: { itemCode: c.item_code, files: files.length },
    });
    return files.map((f) => f.file_key);
  });
  // the files go once the rows are gone for good; one that cannot be removed now is an orphan the store's sweep may take
  for (const key of fileKeys) await ctx.files.delete(key).catch(() => undefined);
}
