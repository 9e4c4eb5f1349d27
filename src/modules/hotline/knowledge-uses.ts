import type { Actor } from '../../kernel/actor.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import * as clock from '../../kernel/clock.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';
import { departmentRefsById } from '../org/index.ts';
import { readableArticle } from './knowledge.ts';
import type { KnowledgeHit, KnowledgeStats } from './knowledge-schemas.ts';
import { searchKnowledge } from './knowledge-search.ts';
import { CENTRE_ROLES, readableTicket } from './store.ts';

/**
 * What the centre does with the knowledge base, for 知识库命中率: each search it makes, each
 * article it opens from a ticket, each ticket it answers with an article (handling.ts).
 */
export async function recordUse(
  q: Queryable,
  actor: Actor,
  use: { kind: 'search' | 'open' | 'answer'; articleId?: string; version?: number; ticketId?: string },
) {
  await q.query(
    'insert into hotline_kb_use (kind, article_id, article_version, ticket_id, actor_id) values ($1, $2, $3, $4, $5)',
    [use.kind, use.articleId ?? null, use.version ?? null, use.ticketId ?? null, 'id' in actor ? actor.id : null],
  );
}

/**
 * 直接答复 from an article (handling.ts): it must be offered — published, not expired — and its
 * use is a hit; what the ticket keeps and its history says.
 */
export async function answerArticle(tx: Tx, actor: Actor, ticketId: string, articleId: string) {
  const { row } = await readableArticle(tx, actor, articleId);
  if (row.status !== 'published' || (row.expires_on !== null && row.expires_on <= clock.today()))
    throw unprocessable('HOTLINE_KB_ARTICLE_NOT_OFFERED', { status: row.status }, { field: 'articleId' });
  await recordUse(tx, actor, { kind: 'answer', articleId, version: row.version, ticketId });
  return { id: row.id, version: row.version, note: `知识库：${row.title}（第${row.version}版）` };
}

/** The agent's search while typing: the centre only; each search counted. */
export async function agentSearch(ctx: AppContext, actor: Actor, text: string, limit: number) {
  requireRole(actor, CENTRE_ROLES);
  const started = performance.now();
  const items: KnowledgeHit[] = await searchKnowledge(ctx.db, text, { limit });
  if (text.trim()) await recordUse(ctx.db, actor, { kind: 'search' });
  return { items, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

/** The centre opened an article while handling a ticket: a hit for the article and the ticket. */
export async function openFromTicket(ctx: AppContext, actor: Actor, articleId: string, ticketId: string): Promise<void> {
  requireRole(actor, CENTRE_ROLES);
  await ctx.db.transaction(async (tx) => {
    const { reader } = await readableTicket(tx, actor, ticketId);
    if (reader !== 'centre') throw unprocessable('HOTLINE_KB_TICKET_NOT_CENTRE', {}, { field: 'ticketId' });
    const { row } = await readableArticle(tx, actor, articleId);
    await recordUse(tx, actor, { kind: 'open', articleId, version: row.version, ticketId });
  });
}

const DAY = `(u.at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`;

/**
 * The figures of a period (days in Asia/Shanghai, both included): searches, hits (an article
 * answered a ticket or was opened from one), and 知识库命中率 = the tickets created in the period
 * that an article answered or helped (opened from the ticket) ÷ all tickets created in the
 * period (every ticket passes the centre). Top articles by hits, and per department.
 */
export async function knowledgeStats(ctx: AppContext, actor: Actor, from: string, to: string): Promise<KnowledgeStats> {
  requireRole(actor, CENTRE_ROLES);
  if (to < from) throw unprocessable('HOTLINE_KB_PERIOD_INVALID', {}, { field: 'to' });
  const q = ctx.db;
  const counts = (await q.one<{ searches: string; hits: string }>(
    `select count(*) filter (where kind = 'search') as searches, count(*) filter (where kind <> 'search') as hits from hotline_kb_use u where ${DAY}`,
    [from, to],
  ))!;
  const tickets = (await q.one<{ tickets: string; helped: string }>(
    `select count(*) as tickets,
            count(*) filter (where exists (select 1 from hotline_kb_use u where u.ticket_id = t.id and u.kind <> 'search')) as helped
       from hotline_ticket t where (t.created_at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`,
    [from, to],
  ))!;
  const top = await q.query<{ id: string; title: string; department_id: string; hits: string }>(
    `select a.id, a.title, a.department_id, count(*) as hits
       from hotline_kb_use u join hotline_kb_article a on a.id = u.article_id
      where u.kind <> 'search' and ${DAY} group by a.id, a.title, a.department_id order by hits desc, a.title limit 10`,
    [from, to],
  );
  const departments = await q.query<{ id: string; published: string; due: string; hits: string }>(
    `select a.department_id as id,
            count(*) filter (where a.status = 'published') as published,
            count(*) filter (where a.status = 'published' and a.review_on <= clock_today()) as due,
            coalesce(sum((select count(*) from hotline_kb_use u where u.article_id = a.id and u.kind <> 'search' and ${DAY})), 0) as hits
       from hotline_kb_article a
      group by a.department_id order by hits desc, published desc, a.department_id`,
    [from, to],
  );
  const names = await departmentRefsById(q, [...top.map((t) => t.department_id), ...departments.map((d) => d.id)]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  const n = Number(tickets.tickets);
  const helped = Number(tickets.helped);
  return {
    from,
    to,
    searches: Number(counts.searches),
    hits: Number(counts.hits),
    tickets: n,
    ticketsHelped: helped,
    hitRate: n === 0 ? 0 : Math.round((helped / n) * 10000) / 10000,
    top: top.map((t) => ({ id: t.id, title: t.title, departmentName: nameOf(t.department_id), hits: Number(t.hits) })),
    departments: departments.map((d) => ({
      id: d.id,
      name: nameOf(d.id),
      published: Number(d.published),
      dueForReview: Number(d.due),
      hits: Number(d.hits),
    })),
  };
}
