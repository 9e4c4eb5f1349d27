import { actorId, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Tx } from '../../kernel/db/index.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { emitAll } from '../../kernel/events/index.ts';
import { requireBureau, requireEditor } from './access.ts';
import { bumpSearchGeneration, canSeeItem, fetchItems, itemsWithVersions, latestVersions, ruleContext, type ItemRow, type VersionRow, type VersionStatus, type VersionWithQuality } from './items.ts';
import { ITEM_PUBLISHED, ITEM_RETIRED } from './events.ts';
import { checkQuality, type QualityReport, type RuleContext } from './rules.ts';

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
  return db.transaction(async (tx) => {
    const [step] = await takeSteps(tx, actor, [itemId], [action], comment);
    return (await itemsWithVersions(tx, [itemId], 'v.id = $2', [step!.version.id]))[0]!;
  });
}

/**
 * Steps of the workflow (e.g. submit, approve, publish) for a list of items, in one transaction:
 * each item is checked and audited at each step as `transition` does, and the first refusal
 * undoes them all. The seed takes a city's starting catalogue from draft to published this way;
 * reading the items once, checking each one's quality once and writing each step in one
 * statement keep that about as fast as the table inserts it replaced. Returns how many items.
 */
export async function transitionItems(db: Db, actor: Actor, itemIds: string[], actions: Transition[], comment = ''): Promise<number> {
  return db.transaction(async (tx) => (await takeSteps(tx, actor, [...new Set(itemIds)], actions, comment)).length);
}

/** The status a version has after each step. */
const TO: Record<Transition, VersionStatus> = {
  submit: 'submitted',
  withdraw: 'draft',
  approve: 'reviewed',
  reject: 'draft',
  publish: 'published',
  retire: 'retired',
};

interface Step {
  item: ItemRow;
  version: VersionRow;
}

/** An item and the version a step would move, if it has one (the step is refused otherwise). */
type Candidate = Omit<Step, 'version'> & { version: VersionRow | undefined };
const hasVersion = (c: Candidate): c is Step => c.version !== undefined;

async function takeSteps(tx: Tx, actor: Actor, ids: string[], actions: Transition[], comment: string): Promise<Step[]> {
  if (!actions.length) return [];
  const items = new Map((await fetchItems(tx, ids)).map((i) => [i.id, i]));
  const versions = await latestVersions(tx, ids, actions[0] === 'retire' ? `v.status = 'published'` : `v.status <> 'retired'`);
  const candidates: Candidate[] = ids.map((id) => {
    const item = items.get(id);
    if (!item || !canSeeItem(actor, item)) throw notFound('item', id);
    return { item, version: versions.get(id) };
  });
  // The content does not change between steps: its quality is checked once, against lists read once.
  let ctx: RuleContext | undefined;
  const qualities = new Map<string, QualityReport>();
  const qualityOf = async (v: VersionRow) => {
    ctx ??= await ruleContext(tx);
    if (!qualities.has(v.id)) qualities.set(v.id, checkQuality(v.content, ctx));
    return qualities.get(v.id)!;
  };
  let steps: Step[] = [];
  const writes: Record<string, string> = {};
  for (const action of actions) {
    for (const { item, version } of candidates) {
      if (action === 'submit' || action === 'withdraw') requireEditor(actor, item);
      else requireBureau(actor, item);
      if (!version || !FROM[action].includes(version.status)) {
        throw conflict('ITEM_TRANSITION', { action, status: version?.status ?? 'none' }, { action, status: version?.status ?? null });
      }
      if (action === 'submit' || action === 'publish' || action === 'approve') {
        const quality = await qualityOf(version);
        if (!quality.ok) throw unprocessable('ITEM_QUALITY_FAILED', { count: quality.errors.length }, { errors: quality.errors });
      }
    }
    if (action === 'reject' && !comment.trim()) throw unprocessable('ITEM_REJECT_COMMENT', {}, { field: 'comment' });
    steps = candidates.filter(hasVersion);
    await sideEffects(tx, action, steps);
    Object.assign(writes, VERSION_WRITES[action]);
    for (const step of steps) {
      await appendAudit(tx, actor, {
        action: `catalog.version.${action}`,
        objectType: 'catalog_item',
        objectId: step.item.id,
        regionCode: step.item.regionCode,
        details: { versionNo: step.version.versionNo, ...(comment ? { comment } : {}) },
      });
      step.version = { ...step.version, status: TO[action] };
    }
  }
  await writeVersions(tx, actor, comment, writes, steps);
  return steps;
}

/**
 * What each step writes on the version (`:by` the actor, `:comment` the comment). Several steps
 * taken together write each version once, with what the last step leaves in each column.
 */
const VERSION_WRITES: Record<Transition, Record<string, string>> = {
  submit: { status: `'submitted'`, submitted_by: ':by', submitted_at: 'clock_now()', updated_at: 'clock_now()' },
  withdraw: { status: `'draft'`, updated_at: 'clock_now()' },
  approve: { status: `'reviewed'`, reviewed_by: ':by', reviewed_at: 'clock_now()', review_comment: `nullif(:comment, '')`, updated_at: 'clock_now()' },
  reject: { status: `'draft'`, reviewed_by: ':by', reviewed_at: 'clock_now()', review_comment: ':comment', updated_at: 'clock_now()' },
  publish: { status: `'published'`, published_by: ':by', published_at: 'clock_now()', updated_at: 'clock_now()' },
  retire: { status: `'retired'`, retired_at: 'clock_now()' },
};

async function writeVersions(tx: Tx, actor: Actor, comment: string, writes: Record<string, string>, steps: Step[]) {
  const params: unknown[] = [steps.map((s) => s.version.id)];
  const value = (v: string) =>
    v.replace(/:by|:comment/g, (name) => {
      params.push(name === ':by' ? actorId(actor) : comment);
      return `$${params.length}`;
    });
  const set = Object.entries(writes).map(([column, v]) => `${column} = ${value(v)}`);
  await tx.query(`update catalog_item_version set ${set.join(', ')} where id = any($1::uuid[])`, params);
}

/** What a step changes beside its versions: the versions it replaces, the items, search and the outbox. */
async function sideEffects(tx: Tx, action: Transition, steps: Step[]) {
  const versionIds = steps.map((s) => s.version.id);
  const itemIds = steps.map((s) => s.item.id);
  if (action === 'publish') {
    await tx.query(`update catalog_item_version set status = 'retired', retired_at = clock_now() where item_id = any($1::uuid[]) and status = 'published'`, [itemIds]);
    await tx.query(
      `update catalog_item i set status = 'published', published_version_id = v.id, updated_at = clock_now()
       from catalog_item_version v where v.id = any($1::uuid[]) and i.id = v.item_id`,
      [versionIds],
    );
    await bumpSearchGeneration(tx);
    await emitAll(
      tx,
      ITEM_PUBLISHED,
      steps.map(({ item, version }) => ({
        payload: { itemId: item.id, versionId: version.id, versionNo: version.versionNo, code: item.code },
        regionCode: item.regionCode,
      })),
    );
  }
  if (action === 'retire') {
    await tx.query(`update catalog_item set status = 'retired', published_version_id = null, updated_at = clock_now() where id = any($1::uuid[])`, [itemIds]);
    await bumpSearchGeneration(tx);
    await emitAll(
      tx,
      ITEM_RETIRED,
      steps.map(({ item, version }) => ({ payload: { itemId: item.id, versionId: version.id, code: item.code }, regionCode: item.regionCode })),
    );
  }
}
