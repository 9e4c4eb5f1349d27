import type { Queryable } from '../../kernel/db/index.ts';
import { searchGuides, searchTokens } from '../catalog/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { KnowledgeHit } from './knowledge-schemas.ts';

/**
 * Search while the agent types (and, through the module's contract, 智能问答): the published,
 * unexpired articles whose jieba tokens meet the query's — found through a GIN index on a
 * tsvector built from the tokens (title A, question forms B, answer C), the last word as a prefix
 * since it may be half typed — and the catalogue's guides its own search ranks first. Both are
 * scored the same way (see `coverage`), so the list mixes them by one measure and a caller can
 * set one confidence threshold.
 */

const CANDIDATES = 60;
const GUIDES = 5;
const WEIGHTS = { title: 1, asked: 0.8, says: 0.5 } as const;
const SNIPPET = 80;

interface Fields {
  title: string[];
  asked: string[];
  says: string[];
}

/** The tokens an article is found by, per field (what the index and the score use). */
export function articleTokens(c: { title: string; questions: string[]; answer: string }) {
  const distinct = (text: string) => [...new Set(searchTokens(text))];
  return { title: distinct(c.title), questions: distinct(c.questions.join('\n')), answer: distinct(c.answer) };
}

interface QueryToken {
  token: string;
  /** the last word while typing: it matches the words it begins */
  prefix: boolean;
}

export function queryTokens(text: string): QueryToken[] {
  const tokens = [...new Set(searchTokens(text))];
  const typing = !/[\s，。？！,.?!]$/.test(text);
  return tokens.map((token, i) => ({ token, prefix: typing && i === tokens.length - 1 }));
}

/**
 * A tsquery from lexemes as they are (quoted, so PostgreSQL's parser never splits or drops a
 * Chinese word). Single characters (丢, 找, 谁) find too much to pick candidates by when the
 * query has longer words; they still count in the score. The word being typed always finds.
 */
function tsquery(tokens: QueryToken[]): string {
  const telling = tokens.filter((t) => t.prefix || [...t.token].length > 1);
  return (telling.length ? telling : tokens)
    .map((t) => `'${t.token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${t.prefix ? ':*' : ''}`)
    .join(' | ');
}

/**
 * The score of an answer for a query, 0–1: each query word counts by the best place it is found
 * (title 1, a question form 0.8, the answer's text 0.5), summed and divided by the number of
 * query words — the share of the question the answer covers.
 */
export function coverage(tokens: QueryToken[], fields: Fields): number {
  if (tokens.length === 0) return 0;
  const has = (words: string[], t: QueryToken) =>
    words.includes(t.token) || (t.prefix && words.some((w) => w.startsWith(t.token)));
  let sum = 0;
  for (const t of tokens)
    sum += has(fields.title, t) ? WEIGHTS.title : has(fields.asked, t) ? WEIGHTS.asked : has(fields.says, t) ? WEIGHTS.says : 0;
  return Math.round((sum / tokens.length) * 1000) / 1000;
}

/** Up to SNIPPET characters of the text around the first (longest) query word it contains. */
export function snippet(text: string, tokens: QueryToken[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at = tokens
    .map((t) => t.token)
    .sort((a, b) => b.length - a.length)
    .map((t) => lower.indexOf(t))
    .find((i) => i >= 0);
  const start = at === undefined ? 0 : Math.max(0, at - 20);
  const cut = flat.slice(start, start + SNIPPET);
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET < flat.length ? '…' : ''}`;
}

type Candidate = {
  id: string;
  version: number;
  title: string;
  answer: string;
  department_id: string;
  title_tokens: string[];
  question_tokens: string[];
  answer_tokens: string[];
  rank: number;
};

/** Published articles not expired (过期 is never offered), best first. */
async function searchArticles(q: Queryable, tokens: QueryToken[]): Promise<(KnowledgeHit & { rank: number })[]> {
  const rows = await q.query<Candidate>(
    `select a.id, a.version, a.title, a.answer, a.department_id, a.title_tokens, a.question_tokens, a.answer_tokens,
            ts_rank(a.search, $1::tsquery) as rank
       from hotline_kb_article a
      where a.search @@ $1::tsquery and a.status = 'published' and (a.expires_on is null or a.expires_on > clock_today())
      order by rank desc limit ${CANDIDATES}`,
    [tsquery(tokens)],
  );
  const departments = await departmentRefsById(
    q,
    rows.map((r) => r.department_id),
  );
  return rows.map((r) => ({
    kind: 'article',
    id: r.id,
    version: r.version,
    code: null,
    title: r.title,
    snippet: snippet(r.answer, tokens),
    answer: r.answer,
    departmentName: departments.get(r.department_id)?.name ?? '',
    score: coverage(tokens, { title: r.title_tokens, asked: r.question_tokens, says: r.answer_tokens }),
    rank: Number(r.rank),
  }));
}

/**
 * A guide's text cut into tokens, kept: the same few popular guides come back search after search
 * and jieba on their FAQ answers was most of a search's time. Keyed by the text itself, so a guide
 * published anew is cut anew; bounded, the oldest dropped first.
 */
const guideTokens = new Map<string, string[]>();
const GUIDE_TOKENS_KEPT = 5000;
function tokensOf(text: string): string[] {
  let hit = guideTokens.get(text);
  if (!hit) {
    hit = searchTokens(text);
    if (guideTokens.size >= GUIDE_TOKENS_KEPT) guideTokens.delete(guideTokens.keys().next().value!);
    guideTokens.set(text, hit);
  }
  return hit;
}

async function searchGuideAnswers(
  q: Queryable,
  text: string,
  tokens: QueryToken[],
): Promise<(KnowledgeHit & { rank: number })[]> {
  const guides = await searchGuides(q, text, GUIDES);
  return guides.map((g) => {
    const says = g.says.join('\n');
    const answer = `${g.name}：${says ? says.slice(0, 300) : '请按办事指南办理'}（办事指南，事项编码 ${g.code}）`;
    return {
      kind: 'guide',
      id: g.id,
      version: null,
      code: g.code,
      title: g.name,
      snippet: snippet(says || g.askedAs.join('；') || g.name, tokens),
      answer,
      departmentName: g.departmentName,
      score: coverage(tokens, {
        title: tokensOf(g.name),
        asked: tokensOf(g.askedAs.join('\n')),
        says: tokensOf(says),
      }),
      rank: 0,
    };
  });
}

/**
 * The answers for a text: articles and catalogue guides together, by score (an article before a
 * guide on a tie: the centre's own answer is the more specific), at most `limit`.
 */
export async function searchKnowledge(q: Queryable, text: string, options: { limit?: number } = {}): Promise<KnowledgeHit[]> {
  const tokens = queryTokens(text);
  if (tokens.length === 0) return [];
  const [articles, guides] = [await searchArticles(q, tokens), await searchGuideAnswers(q, text, tokens)];
  return [...articles, ...guides]
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || (a.kind === b.kind ? b.rank - a.rank : a.kind === 'article' ? -1 : 1))
    .slice(0, options.limit ?? 8)
    .map(({ rank: _rank, ...hit }) => hit);
}

/** Published, unexpired articles as training text for the classifier: what it says, its categories and its department. */
export async function knowledgeCorpus(
  q: Queryable,
): Promise<{ articleId: string; text: string; categoryCodes: string[]; departmentId: string }[]> {
  const rows = await q.query<{
    id: string;
    title: string;
    questions: string[];
    answer: string;
    category_codes: string[];
    department_id: string;
  }>(
    `select id, title, questions, answer, category_codes, department_id from hotline_kb_article
      where status = 'published' and (expires_on is null or expires_on > clock_today()) order by id`,
  );
  return rows.map((r) => ({
    articleId: r.id,
    text: [r.title, ...r.questions, r.answer].join('\n'),
    categoryCodes: r.category_codes,
    departmentId: r.department_id,
  }));
}
