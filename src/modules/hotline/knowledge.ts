import type { Actor } from '../../kernel/actor.ts';
import { allowKinds } from '../../kernel/auth.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { AppError, conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { publishedItemNames } from '../catalog/index.ts';
import { departmentRefsById } from '../org/index.ts';
import { articleListCondition, knowledgeRole, readsStatus, type KnowledgeRole } from './knowledge-access.ts';
import type {
  Article,
  ArticleInput,
  ArticleListQuery,
  ArticleStatus,
  ArticleUpdate,
  ArticleVersion,
} from './knowledge-schemas.ts';
import { articleTokens } from './knowledge-search.ts';

/**
 * The knowledge base's articles (知识库): a department's answers to what callers ask, with the
 * ways they ask it, the hotline categories and catalogue items they concern, when to review
 * them and when they expire. draft → published → retired; every save is a new version kept in
 * the history (a published article edited stays published at its new version), and a save names
 * the version it read.
 */
export type ArticleRow = {
  id: string;
  department_id: string;
  department_region: string;
  status: ArticleStatus;
  version: number;
  title: string;
  questions: string[];
  answer: string;
  category_codes: string[];
  item_codes: string[];
  review_on: string | null;
  expires_on: string | null;
  updated_at: string;
};

export const ARTICLE_SELECT = `select a.id, a.department_id, a.region_code as department_region, a.status, a.version,
  a.title, a.questions, a.answer, a.category_codes, a.item_codes, to_char(a.review_on, 'YYYY-MM-DD') as review_on,
  to_char(a.expires_on, 'YYYY-MM-DD') as expires_on, a.updated_at
  from hotline_kb_article a`;

/** The article if this actor may read it, with the actor's role over it; otherwise 404 as if there were none. */
export async function readableArticle(q: Queryable, actor: Actor, id: string, lock = false) {
  allowKinds(actor, ['staff']);
  const row = await q.one<ArticleRow>(`${ARTICLE_SELECT} where a.id = $1 ${lock ? 'for update of a' : ''}`, [id]);
  const role = row ? knowledgeRole(actor, { id: row.department_id, regionCode: row.department_region }) : null;
  if (!row || !readsStatus(role, row.status)) throw notFound('hotline_kb_article', id);
  return { row, role };
}

const expired = (r: Pick<ArticleRow, 'expires_on'>, today: string) => r.expires_on !== null && r.expires_on <= today;
const maintains = (role: KnowledgeRole) => role === 'admin' || role === 'maintainer';

export async function articleViews(q: Queryable, actor: Actor, rows: ArticleRow[]): Promise<Article[]> {
  const today = clock.today();
  const codes = [...new Set(rows.flatMap((r) => r.category_codes))];
  const categories = new Map(
    (
      await q.query<{ code: string; name: string }>('select code, name from hotline_category where code = any($1::text[])', [
        codes,
      ])
    ).map((c) => [c.code, c.name]),
  );
  const departments = await departmentRefsById(
    q,
    rows.map((r) => r.department_id),
  );
  const items = await publishedItemNames(
    q,
    rows.flatMap((r) => r.item_codes),
  );
  return rows.map((r) => ({
    id: r.id,
    department: { id: r.department_id, name: departments.get(r.department_id)?.name ?? '' },
    status: r.status,
    version: r.version,
    title: r.title,
    questions: r.questions,
    answer: r.answer,
    categories: r.category_codes.map((code) => ({ code, name: categories.get(code) ?? null })),
    items: r.item_codes.map((code) => ({ code, name: items.get(code) ?? null })),
    reviewOn: r.review_on,
    expiresOn: r.expires_on,
    expired: expired(r, today),
    dueForReview: r.status === 'published' && r.review_on !== null && r.review_on <= today,
    canMaintain: maintains(knowledgeRole(actor, { id: r.department_id, regionCode: r.department_region })),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Links must name what exists: active hotline categories and published catalogue items. */
async function checkLinks(q: Queryable, input: Pick<ArticleInput, 'categoryCodes' | 'itemCodes' | 'reviewOn' | 'expiresOn'>) {
  const found = new Set(
    (
      await q.query<{ code: string }>('select code from hotline_category where active and code = any($1::text[])', [
        input.categoryCodes,
      ])
    ).map((r) => r.code),
  );
  const unknownCategory = input.categoryCodes.find((c) => !found.has(c));
  if (unknownCategory) throw unprocessable('HOTLINE_KB_CATEGORY_UNKNOWN', { code: unknownCategory }, { field: 'categoryCodes' });
  const items = await publishedItemNames(q, input.itemCodes);
  const unknownItem = input.itemCodes.find((c) => !items.has(c));
  if (unknownItem) throw unprocessable('HOTLINE_KB_ITEM_UNKNOWN', { code: unknownItem }, { field: 'itemCodes' });
  if (input.reviewOn && input.expiresOn && input.expiresOn < input.reviewOn)
    throw unprocessable('HOTLINE_KB_EXPIRY_BEFORE_REVIEW', {}, { field: 'expiresOn' });
}

type Content = Omit<ArticleUpdate, 'version'>;

/** The row's text, its tokens per field and the weighted tsvector built from them (never parsed by PostgreSQL). */
async function writeContent(tx: Tx, id: string, c: Content) {
  const t = articleTokens(c);
  await tx.query(
    `update hotline_kb_article set title = $2, questions = $3, answer = $4, category_codes = $5, item_codes = $6, review_on = $7, expires_on = $8,
            title_tokens = $9, question_tokens = $10, answer_tokens = $11,
            search = setweight(array_to_tsvector($9::text[]), 'A') || setweight(array_to_tsvector($10::text[]), 'B') || setweight(array_to_tsvector($11::text[]), 'C'),
            updated_at = clock_now()
      where id = $1`,
    [
      id,
      c.title.trim(),
      c.questions.map((s) => s.trim()),
      c.answer.trim(),
      c.categoryCodes,
      c.itemCodes,
      c.reviewOn ?? null,
      c.expiresOn ?? null,
      t.title,
      t.questions,
      t.answer,
    ],
  );
}

/** The version as saved, into the history. */
async function snapshot(tx: Tx, actor: Actor, id: string, action: string) {
  const row = (await tx.one<ArticleRow>(`${ARTICLE_SELECT} where a.id = $1`, [id]))!;
  await tx.query(
    `insert into hotline_kb_version (article_id, version, status, title, questions, answer, category_codes, item_codes, review_on, expires_on, saved_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      row.version,
      row.status,
      row.title,
      row.questions,
      row.answer,
      row.category_codes,
      row.item_codes,
      row.review_on,
      row.expires_on,
      'id' in actor ? actor.id : null,
    ],
  );
  await appendAudit(tx, actor as Extract<Actor, { kind: 'staff' }>, {
    action: `hotline_kb_article.${action}`,
    objectType: 'hotline_kb_article',
    objectId: id,
    regionCode: row.department_region,
    details: { version: row.version, title: row.title },
  });
  return row;
}

/** A new article, always a draft: the department's staff and administrators for their departments, the centre for any. */
export async function createArticle(ctx: AppContext, actor: Actor, input: ArticleInput): Promise<Article> {
  allowKinds(actor, ['staff']);
  return ctx.db.transaction(async (tx) => {
    const department = (await departmentRefsById(tx, [input.departmentId])).get(input.departmentId);
    if (!department) throw unprocessable('HOTLINE_KB_DEPARTMENT_UNKNOWN', {}, { field: 'departmentId' });
    if (!knowledgeRole(actor, department)) throw new AppError('HOTLINE_KB_NOT_ALLOWED', 403, {}, { departmentId: department.id });
    await checkLinks(tx, input);
    const id = uuidv7();
    await tx.query(
      `insert into hotline_kb_article (id, department_id, region_code, status, title, answer, search, created_by) values ($1, $2, $3, 'draft', '', '', ''::tsvector, $4)`,
      [id, department.id, department.regionCode, 'id' in actor ? actor.id : null],
    );
    await writeContent(tx, id, input);
    return (await articleViews(tx, actor, [await snapshot(tx, actor, id, 'create')]))[0]!;
  });
}

/** One step on an article at the version its actor read, as one transaction. */
async function articleStep(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  allowed: (role: KnowledgeRole, status: ArticleStatus) => 'yes' | 'role' | 'status',
  apply: (tx: Tx, row: ArticleRow) => Promise<void>,
): Promise<Article> {
  return ctx.db.transaction(async (tx) => {
    const { row, role } = await readableArticle(tx, actor, id, true);
    const verdict = allowed(role, row.status);
    if (verdict === 'role') throw new AppError('HOTLINE_KB_NOT_ALLOWED', 403, {}, { action });
    if (row.version !== version) throw conflict('VERSION_CONFLICT', { current: row.version }, { current: row.version });
    if (verdict === 'status')
      throw conflict('HOTLINE_KB_STATUS_CONFLICT', { status: row.status }, { status: row.status, action });
    await apply(tx, row);
    await tx.query('update hotline_kb_article set version = version + 1, updated_at = clock_now() where id = $1', [id]);
    return (await articleViews(tx, actor, [await snapshot(tx, actor, id, action)]))[0]!;
  });
}

/** A save: the department edits its drafts and published articles (a new version), the centre its proposals (drafts). */
export function updateArticle(ctx: AppContext, actor: Actor, id: string, input: ArticleUpdate): Promise<Article> {
  const { version, ...content } = input;
  return articleStep(
    ctx,
    actor,
    id,
    version,
    'update',
    (role, status) => (status === 'retired' ? 'status' : maintains(role) || status === 'draft' ? 'yes' : 'role'),
    async (tx) => {
      await checkLinks(tx, content);
      await writeContent(tx, id, content);
    },
  );
}

const setStatus = (to: ArticleStatus, from: ArticleStatus[]) => (ctx: AppContext, actor: Actor, id: string, version: number) =>
  articleStep(
    ctx,
    actor,
    id,
    version,
    to === 'published' ? 'publish' : 'retire',
    (role, status) => (!maintains(role) ? 'role' : from.includes(status) ? 'yes' : 'status'),
    async (tx) => {
      await tx.query('update hotline_kb_article set status = $2 where id = $1', [id, to]);
    },
  );
/** 发布: the department (or an administrator) puts a draft in front of the centre. */
export const publishArticle = setStatus('published', ['draft']);
/** 下架: no longer offered, still readable with its history by the department. */
export const retireArticle = setStatus('retired', ['draft', 'published']);

export async function getArticle(ctx: AppContext, actor: Actor, id: string): Promise<Article> {
  const { row } = await readableArticle(ctx.db, actor, id);
  return (await articleViews(ctx.db, actor, [row]))[0]!;
}

export async function articleVersions(ctx: AppContext, actor: Actor, id: string): Promise<ArticleVersion[]> {
  await readableArticle(ctx.db, actor, id);
  // a version is the article's content as it was saved
  type VersionRow = Pick<
    ArticleRow,
    'version' | 'status' | 'title' | 'questions' | 'answer' | 'category_codes' | 'item_codes' | 'review_on' | 'expires_on'
  > & { saved_at: string };
  const rows = await ctx.db.query<VersionRow>(
    `select version, status, title, questions, answer, category_codes, item_codes, to_char(review_on, 'YYYY-MM-DD') as review_on,
            to_char(expires_on, 'YYYY-MM-DD') as expires_on, saved_at from hotline_kb_version where article_id = $1 order by version desc`,
    [id],
  );
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    title: r.title,
    questions: r.questions,
    answer: r.answer,
    categoryCodes: r.category_codes,
    itemCodes: r.item_codes,
    reviewOn: r.review_on,
    expiresOn: r.expires_on,
    savedAt: new Date(r.saved_at).toISOString(),
  }));
}

/** The articles this actor reads, by department, status, due for review (待复核) and a word of the title or the question forms. */
export async function listArticles(ctx: AppContext, actor: Actor, query: ArticleListQuery): Promise<PageResult<Article>> {
  allowKinds(actor, ['staff']);
  const params: unknown[] = [];
  const where = [articleListCondition(actor, params)];
  if (query.departmentId) where.push(`a.department_id = $${params.push(query.departmentId)}`);
  if (query.status) where.push(`a.status = $${params.push(query.status)}`);
  if (query.due) where.push(`a.status = 'published' and a.review_on <= clock_today()`);
  if (query.q?.trim()) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, '\\$&')}%`;
    where.push(`(a.title ilike $${params.push(like)} or array_to_string(a.questions, ' ') ilike $${params.length})`);
  }
  const condition = where.join(' and ');
  const from = 'from hotline_kb_article a';
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n ${from} where ${condition}`, params))!.n);
  const rows = await ctx.db.query<ArticleRow>(
    `${ARTICLE_SELECT} where ${condition} order by a.updated_at desc, a.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: await articleViews(ctx.db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}
