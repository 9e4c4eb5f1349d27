import type { Actor, StaffActor } from '../../kernel/actor.ts';
import { allowKinds, grantsFor, requireNodeAdmin, scopeCondition } from '../../kernel/auth.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../kernel/db/index.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { getRegion, notifyStaff, staffAbleToAct } from '../org/index.ts';
import { cityHourLabel } from './period.ts';
import type { HotIssue, HotThresholds } from './report-schemas.ts';
import { CENTRE_ROLES } from './store.ts';
import { topWords } from './words.ts';

/**
 * 热点/突发 — bursts of calls about one matter in one place. Counted as tickets arrive, in the
 * intake transaction: one upsert per category level on a counter keyed by (category, the
 * ticket's region, clock hour), which costs two index writes per ticket and needs no scan or
 * timer (a scheduled scan would re-read the hour's tickets every run and flag late). The hour is
 * a fixed bucket, not a sliding window: a burst that straddles the hour counts in two buckets,
 * the price of a counter that never has to be re-read. The ticket's own region is the place (a
 * town or community when the agent knows it); the flag is raised once per bucket, when the
 * count first reaches the threshold of the category's level.
 */

/** Who watches bursts: the centre and the leaders of the region. */
export const WATCH_ROLES = [...CENTRE_ROLES, 'leader'] as const;
/** Who is told at once: the centre's agents over the region (not every administrator). */
const NOTIFY_ROLES = ['hotline_agent'] as const;

export interface CountedTicket {
  categoryCode: string;
  parentCode: string;
  regionCode: string;
}

/** Count a new ticket (its category and the parent category) and flag a burst it completes. Called by `createTicket`. */
export async function countForHotIssues(tx: Tx, t: CountedTicket): Promise<void> {
  const levels = [
    { level: 2, code: t.categoryCode },
    { level: 1, code: t.parentCode },
  ];
  for (const { level, code } of levels) {
    const row = (await tx.one<{ tickets: number; hour: Date; threshold: number }>(
      `insert into hotline_hot_counter (category_code, region_code, hour, tickets)
       values ($1, $2, date_trunc('hour', clock_now(), 'Asia/Shanghai'), 1)
       on conflict (category_code, region_code, hour) do update set tickets = hotline_hot_counter.tickets + 1
       returning tickets, hour, (select tickets from hotline_hot_threshold where level = $3) as threshold`,
      [code, t.regionCode, level],
    ))!;
    if (row.threshold === null || row.tickets < row.threshold) continue;
    const flagged = await tx.one<{ id: string }>(
      `insert into hotline_hot_issue (id, category_code, level, region_code, hour, threshold) values ($1, $2, $3, $4, $5, $6)
       on conflict (category_code, region_code, hour) do nothing returning id`,
      [uuidv7(), code, level, t.regionCode, row.hour, row.threshold],
    );
    if (flagged) await tellCentre(tx, flagged.id, code, t.regionCode, row);
  }
}

async function tellCentre(tx: Tx, id: string, categoryCode: string, regionCode: string, row: { tickets: number; hour: Date }) {
  const category = (await tx.one<{ name: string }>('select name from hotline_category where code = $1', [categoryCode]))!;
  const region = await getRegion(tx, regionCode);
  const agents = await staffAbleToAct(tx, NOTIFY_ROLES, { regionCode });
  await notifyStaff(
    tx,
    agents.map((a) => a.id),
    {
      kind: 'hotline_hot_issue',
      ref: id,
      params: {
        category: category.name,
        region: region.name,
        count: row.tickets,
        hour: cityHourLabel(row.hour),
      },
    },
  );
  await appendAudit(
    tx,
    { kind: 'system', id: 'hotline.hot_issues' },
    {
      action: 'hotline_hot_issue.flag',
      objectType: 'hotline_hot_issue',
      objectId: id,
      regionCode,
      details: { categoryCode, tickets: row.tickets, notified: agents.length },
    },
  );
}

/** The centre or a leader (anyone else 403; a citizen or an app `ACTOR_KIND_NOT_ALLOWED`). */
function requireWatcher(actor: Actor): StaffActor {
  const staff = allowKinds(actor, ['staff']);
  if (!grantsFor(staff, WATCH_ROLES).length) throw new AppError('HOTLINE_REPORT_NOT_ALLOWED', 403);
  return staff;
}

/** The regions the actor watches, as a condition on a region column. */
function watchCondition(actor: Actor, column: string, params: unknown[]): string {
  return scopeCondition(requireWatcher(actor), WATCH_ROLES, { region: column }, params);
}

type IssueRow = {
  id: string;
  category_code: string;
  category_name: string;
  level: number;
  region_code: string;
  hour: Date;
  threshold: number;
  flagged_at: Date;
  tickets: number;
};

/** The bursts flagged in [start, end) in the actor's regions, newest first, each with its count now and its top words. */
export async function listHotIssues(q: Queryable, actor: Actor, start: string, end: string): Promise<HotIssue[]> {
  const params: unknown[] = [start, end];
  const where = watchCondition(actor, 'h.region_code', params);
  const rows = await q.query<IssueRow>(
    `select h.id, h.category_code, c.name as category_name, h.level, h.region_code, h.hour, h.threshold,
            h.flagged_at, k.tickets
       from hotline_hot_issue h
       join hotline_category c on c.code = h.category_code
       join hotline_hot_counter k on k.category_code = h.category_code and k.region_code = h.region_code and k.hour = h.hour
      where h.hour >= $1 and h.hour < $2 and ${where}
      order by h.hour desc, h.level desc, k.tickets desc limit 200`,
    params,
  );
  const names = await regionNames(
    q,
    rows.map((r) => r.region_code),
  );
  const out: HotIssue[] = [];
  for (const r of rows) {
    // the burst's own tickets: same hour and place, the category or (level 1) any of its children
    const texts = await q.query<{ title: string; content: string; address: string | null }>(
      `select t.title, t.content, t.address from hotline_ticket t join hotline_category c on c.code = t.category_code
        where t.region_code = $1 and t.created_at >= $2 and t.created_at < $2::timestamptz + interval '1 hour'
          and (c.code = $3 or c.parent_code = $3) limit 500`,
      [r.region_code, r.hour, r.category_code],
    );
    out.push({
      id: r.id,
      categoryCode: r.category_code,
      categoryName: r.category_name,
      level: r.level === 1 ? 1 : 2,
      regionCode: r.region_code,
      regionName: names.get(r.region_code) ?? r.region_code,
      hour: new Date(r.hour).toISOString(),
      threshold: r.threshold,
      tickets: r.tickets,
      flaggedAt: new Date(r.flagged_at).toISOString(),
      words: topWords(texts, 5).map((w) => w.word),
    });
  }
  return out;
}

/** The names of regions (few: the places of a period's bursts, a city's counties), from org's contract. */
export async function regionNames(q: Queryable, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) names.set(code, (await getRegion(q, code)).name);
  return names;
}

/** The thresholds by category level (the centre and leaders read them; they are no secret to them). */
export async function hotThresholds(q: Queryable, actor: Actor): Promise<HotThresholds> {
  requireWatcher(actor);
  return readThresholds(q);
}

async function readThresholds(q: Queryable): Promise<HotThresholds> {
  const rows = await q.query<{ level: number; tickets: number }>(
    'select level, tickets from hotline_hot_threshold order by level',
  );
  const of = (level: number) => rows.find((r) => r.level === level)?.tickets ?? 0;
  return { category: of(2), parentCategory: of(1) };
}

/** A node administrator changes the thresholds; bursts flagged before stay flagged. */
export async function updateHotThresholds(q: Db, actor: Actor, input: HotThresholds): Promise<HotThresholds> {
  requireNodeAdmin(actor, await nodeCityCode(q));
  if (input.parentCategory < input.category)
    throw validationFailed('parentCategory', 'a first-level category covers its children: its threshold is at least theirs');
  return q.transaction(async (tx) => {
    for (const [level, tickets] of [
      [2, input.category],
      [1, input.parentCategory],
    ] as const)
      await tx.query('update hotline_hot_threshold set tickets = $2, updated_at = clock_now() where level = $1', [
        level,
        tickets,
      ]);
    if (actor.kind === 'staff')
      await appendAudit(tx, actor, {
        action: 'hotline_hot_threshold.update',
        objectType: 'hotline_hot_threshold',
        objectId: 'levels',
        details: input,
      });
    return readThresholds(tx);
  });
}
