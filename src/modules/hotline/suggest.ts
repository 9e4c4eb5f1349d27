import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, requireNodeAdmin, requireRole, requireScope } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { regionExists } from '../org/index.ts';
import { suggestDepartment, ticketCategory, type CategoryRow } from './categories.ts';
import { classify, type Ranked } from './classifier.ts';
import { currentModel, heldModel, retrain } from './classifier-train.ts';
import type { Classification, ClassifierTrained, ClassifierView, ClassifyInput } from './schemas.ts';
import { CENTRE_ROLES } from './store.ts';

/**
 * The classifier's view next to the responsibility catalogue's (按职分转): the catalogue decides
 * the department from the category the agent (or the citizen, or the Open311 app) chose; the
 * text says whether it agrees, and says so loudly when it clearly points elsewhere.
 */

/** A contradiction worth a warning: the text's best category, of another first-level category, at least this sure … */
const CONTRADICTS_AT = 0.6;
/** … and the chosen category hardly plausible at all. */
const IMPLAUSIBLE_BELOW = 0.1;

const percent = (p: number) => `${Math.round(p * 100)}%`;
/** What the classifier reads: the title (when the caller gave one) and the content. */
export const textOf = (input: { title?: string; content: string }) =>
  input.title?.trim() ? `${input.title.trim()} ${input.content}` : input.content;

/** The categories for a ticket's text, best first (before any transaction: the first call trains the model). */
export async function rankCategories(ctx: AppContext, text: string): Promise<Ranked[]> {
  return classify((await currentModel(ctx)).model, text);
}

/**
 * The same with the model as it is held now, without waiting for one (inside a transaction, where
 * training cannot read the database): none yet gives no view, and starts training for the next.
 */
export function heldRanking(ctx: AppContext, text: string): Ranked[] {
  const model = heldModel(ctx);
  return model ? classify(model.model, text) : [];
}

/**
 * The reasons the classifier adds to a suggestion, and its view as stored on the ticket. Without
 * a chosen category (a text to 12345, classified by the centre at dispatch) the view is the
 * centre's hint: the likeliest category and where the 派单目录 would send it.
 */
export async function classifierReasons(
  q: Queryable,
  ranked: Ranked[],
  chosen: CategoryRow | null,
  regionCode: string,
): Promise<{ reasons: string[]; view: ClassifierView | null }> {
  const top = ranked[0];
  if (!top)
    return { reasons: [chosen ? '文本分类：内容中没有可判断分类的词，以所选分类为准' : '文本分类：内容中没有可判断分类的词'], view: null };
  if (!chosen) {
    const best = await ticketCategory(q, top.categoryCode);
    if (!best) return { reasons: [], view: null };
    const to = await suggestDepartment(q, best, regionCode);
    const view = { categoryCode: best.code, categoryName: best.name, confidence: Math.round(top.confidence * 1000) / 1000, agrees: false, contradicts: false };
    return {
      reasons: [`文本分类：内容像“${best.name}”（置信度 ${percent(top.confidence)}）${to ? `，按派单目录由${to.departmentName}承办` : ''}`],
      view,
    };
  }
  // a category retired since the model was trained says nothing any more
  const best = top.categoryCode === chosen.code ? chosen : await ticketCategory(q, top.categoryCode);
  if (!best) return { reasons: [], view: null };
  const chosenConfidence = ranked.find((r) => r.categoryCode === chosen.code)?.confidence ?? 0;
  const sameParent = best.parent_code === chosen.parent_code;
  const contradicts = !sameParent && top.confidence >= CONTRADICTS_AT && chosenConfidence < IMPLAUSIBLE_BELOW;
  const view = {
    categoryCode: best.code,
    categoryName: best.name,
    confidence: Math.round(top.confidence * 1000) / 1000,
    agrees: sameParent,
    contradicts,
  };
  if (best.code === chosen.code)
    return { reasons: [`文本分类：内容与所选分类“${chosen.name}”相符（置信度 ${percent(top.confidence)}）`], view };
  if (sameParent)
    return {
      reasons: [`文本分类：内容更接近同一大类的“${best.name}”（置信度 ${percent(top.confidence)}），大类与所选一致`],
      view,
    };
  if (!contradicts)
    return {
      reasons: [
        `文本分类：内容也可能属于“${best.name}”（置信度 ${percent(top.confidence)}；所选分类“${chosen.name}” ${percent(chosenConfidence)}）`,
      ],
      view,
    };
  const elsewhere = await suggestDepartment(q, best, regionCode);
  return {
    reasons: [
      `文本分类：内容与所选分类“${chosen.name}”明显不符，更像“${best.name}”（置信度 ${percent(top.confidence)}）` +
        `${elsewhere ? `，按派单目录应由${elsewhere.departmentName}承办` : ''}，请核对分类`,
    ],
    view,
  };
}

/** 智能分类 for the intake form: the three likeliest categories and the department each would go to (the centre only). */
export async function classifyIntake(ctx: AppContext, actor: Actor, input: ClassifyInput): Promise<Classification> {
  const staff = requireRole(allowKinds(actor, ['staff']), CENTRE_ROLES);
  const regionCode = input.regionCode ?? (await nodeCityCode(ctx.db));
  if (!regionCode || !(await regionExists(ctx.db, regionCode)))
    throw unprocessable('HOTLINE_REGION_UNKNOWN', { code: regionCode ?? '' }, { field: 'regionCode' });
  requireScope(staff, CENTRE_ROLES, { regionCode });
  const trained = await currentModel(ctx);
  const items = [];
  for (const r of classify(trained.model, textOf(input)).slice(0, 3)) {
    const category = await ticketCategory(ctx.db, r.categoryCode);
    if (!category) continue; // retired since the model was trained
    const suggestion = await suggestDepartment(ctx.db, category, regionCode);
    items.push({
      categoryCode: category.code,
      categoryName: category.name,
      parentCode: category.parent_code!,
      confidence: Math.round(r.confidence * 1000) / 1000,
      department: suggestion ? { id: suggestion.departmentId, name: suggestion.departmentName } : null,
    });
  }
  return { items, trainedAt: new Date(trained.trainedAt).toISOString() };
}

/** Retrain now, from every source (a node administrator: after the categories' keywords or the knowledge base changed). */
export async function trainClassifier(ctx: AppContext, actor: Actor): Promise<ClassifierTrained> {
  const staff = allowKinds(actor, ['staff']);
  const cityCode = await nodeCityCode(ctx.db);
  requireNodeAdmin(staff, cityCode);
  const trained = await retrain(ctx);
  const result = {
    trainedAt: new Date(trained.trainedAt).toISOString(),
    documents: trained.model.documents,
    sources: trained.sources,
    categories: trained.model.categories.length,
    vocabulary: trained.model.logLikelihood.size,
    millis: Math.round(trained.millis),
  };
  await ctx.db.transaction((tx) =>
    appendAudit(tx, staff, {
      action: 'hotline_classifier.train',
      objectType: 'hotline_classifier',
      objectId: cityCode!,
      regionCode: cityCode!,
      details: { documents: result.documents, sources: result.sources },
    }),
  );
  return result;
}
