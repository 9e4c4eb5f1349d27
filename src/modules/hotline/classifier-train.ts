import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { childRegions, getRegion } from '../org/index.ts';
import { placePattern, train, type LabelledDocument, type Model } from './classifier.ts';
import { knowledgeCorpus } from './knowledge-search.ts';

/**
 * Where the dispatch classifier learns from: labelled documents from pluggable sources, each a
 * query; a new source is one more entry in SOURCES.
 */
export interface TrainingSource {
  name: string;
  documents(q: Queryable): Promise<LabelledDocument[]>;
}

/** The categories' own words: the name, its first-level category's name and the keywords (migration 005). */
const categoryVocabulary: TrainingSource = {
  name: 'categories',
  async documents(q) {
    const rows = await q.query<{ code: string; name: string; parent_name: string; keywords: string[] }>(
      `select c.code, c.name, p.name as parent_name, c.keywords
         from hotline_category c join hotline_category p on p.code = c.parent_code where c.active`,
    );
    return rows.map((r) => ({ text: [r.name, r.parent_name, ...r.keywords].join(' '), categoryCodes: [r.code] }));
  },
};

/**
 * The city's finished tickets under their final category: what callers really say. The newest
 * ones only, so training stays bounded on a city of 100,000 calls a day (20,000 texts took 52 s
 * on the loaded 2-core dev machine, most of it jieba: it runs before the first ticket needs it,
 * and in the background after that).
 */
const CLOSED_TICKETS_LIMIT = 20_000;
const closedTickets: TrainingSource = {
  name: 'tickets',
  async documents(q) {
    const rows = await q.query<{ title: string; content: string; category_code: string; department_id: string | null }>(
      `select title, content, category_code, department_id from hotline_ticket
        where status in ('completed', 'closed') order by coalesce(completed_at, updated_at) desc limit ${CLOSED_TICKETS_LIMIT}`,
    );
    return rows.map((r) => ({
      // a title made from the content's first words would count them twice
      text: r.content.startsWith(r.title) ? r.content : `${r.title} ${r.content}`,
      categoryCodes: [r.category_code],
      departmentId: r.department_id,
    }));
  },
};

/** The knowledge base's published, unexpired articles: how the departments themselves word each category's matters. */
const knowledgeArticles: TrainingSource = {
  name: 'knowledge',
  async documents(q) {
    return (await knowledgeCorpus(q)).filter((a) => a.categoryCodes.length);
  },
};

export const SOURCES: readonly TrainingSource[] = [categoryVocabulary, closedTickets, knowledgeArticles];

/** The city's, counties' and towns' names, also without 市/区/县/镇/街道 (callers say 罗定 for 罗定市). */
async function placeNames(q: Queryable): Promise<string[]> {
  const city = await nodeCityCode(q);
  if (!city) return [];
  const regions = [await getRegion(q, city)];
  for (const county of await childRegions(q, city)) regions.push(county, ...(await childRegions(q, county.code)));
  return regions.flatMap((r) => [r.name, r.name.replace(/(街道|镇|乡|区|县|市)$/, '')]);
}

export interface TrainedModel {
  model: Model;
  /** kernel clock, ms */
  trainedAt: number;
  /** documents per source */
  sources: Record<string, number>;
  millis: number;
}

/** A model older than this is retrained (in the background: the old one answers meanwhile). */
const MAX_AGE_MS = 24 * 3_600_000;

/**
 * The model is kept in memory, one per running application (AppContext): training from the
 * database takes seconds and the model is rebuilt from data the database holds anyway, so
 * storing it would add a table and its invalidation for nothing. Each process trains lazily on
 * its first classification, again after a day, and on `POST /api/hotline/classifier/train`.
 */
const held = new WeakMap<AppContext, { current?: TrainedModel; pending?: Promise<TrainedModel> }>();

const slotOf = (ctx: AppContext) => {
  let slot = held.get(ctx);
  if (!slot) held.set(ctx, (slot = {}));
  return slot;
};

/** The current model: trained on first use, refreshed in the background once a day (never per ticket). */
export async function currentModel(ctx: AppContext): Promise<TrainedModel> {
  const slot = slotOf(ctx);
  const current = slot.current;
  if (!current) return retrain(ctx);
  if (Math.abs(clock.nowMs() - current.trainedAt) >= MAX_AGE_MS && !slot.pending)
    retrain(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'hotline classifier: retraining failed, the older model stays'));
  return current;
}

/** The model held now, if any; none starts training it in the background (for the next ticket). */
export function heldModel(ctx: AppContext): TrainedModel | undefined {
  const slot = slotOf(ctx);
  if (!slot.current && !slot.pending)
    retrain(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'hotline classifier: training failed'));
  return slot.current;
}

/** Train from every source now; concurrent callers share one training. */
export function retrain(ctx: AppContext): Promise<TrainedModel> {
  const slot = slotOf(ctx);
  slot.pending ??= (async () => {
    const started = performance.now();
    const categories = (
      await ctx.db.query<{ code: string }>(
        'select code from hotline_category where active and parent_code is not null order by code',
      )
    ).map((r) => r.code);
    const documents: LabelledDocument[] = [];
    const sources: Record<string, number> = {};
    for (const source of SOURCES) {
      const found = await source.documents(ctx.db);
      sources[source.name] = found.length;
      documents.push(...found);
    }
    const places = placePattern(await placeNames(ctx.db));
    const trained = {
      model: train(categories, documents, places),
      trainedAt: clock.nowMs(),
      sources,
      millis: performance.now() - started,
    };
    slot.current = trained;
    return trained;
  })().finally(() => {
    slot.pending = undefined;
  });
  return slot.pending;
}
