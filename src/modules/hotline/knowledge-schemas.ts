import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';

// The knowledge base's API (知识库): articles and their versions, the agent's search while typing
// (articles and catalogue guides), the uses and the hit statistics.

const Id = Type.String({ pattern: UUID_PATTERN });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Said = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
const Versioned = { version: Type.Integer({ minimum: 1 }) };

export const ARTICLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** What an article says and links to; the owning department is set when it is created. */
const ArticleFields = {
  title: Said(100),
  /** 常见问法: how callers ask it */
  questions: Type.Array(Said(200), { maxItems: 20 }),
  answer: Said(4000),
  categoryCodes: Type.Array(Type.String({ pattern: '^[A-Z0-9]{2,12}$' }), { maxItems: 10, uniqueItems: true }),
  itemCodes: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }), { maxItems: 10, uniqueItems: true }),
  reviewOn: Type.Optional(Nullable(Day)),
  expiresOn: Type.Optional(Nullable(Day)),
};
export const ArticleInput = Type.Object({ departmentId: Id, ...ArticleFields }, { additionalProperties: false });
export type ArticleInput = Static<typeof ArticleInput>;
export const ArticleUpdate = Type.Object({ ...Versioned, ...ArticleFields }, { additionalProperties: false });
export type ArticleUpdate = Static<typeof ArticleUpdate>;
export const ArticleVersioned = Type.Object(Versioned, { additionalProperties: false });

const Ref = Type.Object({ code: Type.String(), name: Nullable(Type.String()) });

export const Article = Type.Object({
  id: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  status: Type.Enum(ARTICLE_STATUSES),
  version: Type.Integer(),
  title: Type.String(),
  questions: Type.Array(Type.String()),
  answer: Type.String(),
  categories: Type.Array(Ref),
  /** linked catalogue items; name null when the item is not (or no longer) published */
  items: Type.Array(Ref),
  reviewOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  /** 过期: never offered as an answer */
  expired: Type.Boolean(),
  /** the review date has come */
  dueForReview: Type.Boolean(),
  /** whether this reader may edit it, publish and retire it */
  canMaintain: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Article = Static<typeof Article>;

export const ArticleVersion = Type.Object({
  version: Type.Integer(),
  status: Type.String(),
  title: Type.String(),
  questions: Type.Array(Type.String()),
  answer: Type.String(),
  categoryCodes: Type.Array(Type.String()),
  itemCodes: Type.Array(Type.String()),
  reviewOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  savedAt: Type.String(),
});
export type ArticleVersion = Static<typeof ArticleVersion>;

export const ArticleListQuery = Type.Object(
  {
    ...PageQuery.properties,
    departmentId: Type.Optional(Id),
    status: Type.Optional(Type.Enum(ARTICLE_STATUSES)),
    /** only published articles whose review date has come */
    due: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const KNOWLEDGE_QUERY_MAX = 100;
export const KnowledgeSearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: KNOWLEDGE_QUERY_MAX }),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
  },
  { additionalProperties: false },
);

/**
 * One answer found: an article of the knowledge base or a catalogue guide (办事指南). The score
 * (0–1) is the share of the query's words the answer covers, weighted by where (title, how
 * people ask, the text), computed the same way for both kinds so they compare.
 */
export const KnowledgeHit = Type.Object({
  kind: Type.Union([Type.Literal('article'), Type.Literal('guide')]),
  id: Type.String(),
  /** the article's version or null for a guide */
  version: Nullable(Type.Integer()),
  /** the item's code for a guide */
  code: Nullable(Type.String()),
  title: Type.String(),
  snippet: Type.String(),
  /** the whole answer (an article's text; a guide's first FAQ answers), ready for 用此答复 */
  answer: Type.String(),
  departmentName: Type.String(),
  score: Type.Number(),
});
export type KnowledgeHit = Static<typeof KnowledgeHit>;
export const KnowledgeSearchResult = Type.Object({ items: Type.Array(KnowledgeHit), tookMs: Type.Number() });

export const OpenInput = Type.Object({ ticketId: Id }, { additionalProperties: false });

export const StatsQuery = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
export const KnowledgeStats = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** searches the centre made */
  searches: Type.Integer(),
  /** uses of an article: answered with it, or opened from a ticket */
  hits: Type.Integer(),
  /** tickets created in the period */
  tickets: Type.Integer(),
  /** of those, the tickets answered with an article or with one opened from them */
  ticketsHelped: Type.Integer(),
  /** 知识库命中率: ticketsHelped / tickets (0 with no tickets) */
  hitRate: Type.Number(),
  top: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), departmentName: Type.String(), hits: Type.Integer() })),
  departments: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      published: Type.Integer(),
      dueForReview: Type.Integer(),
      hits: Type.Integer(),
    }),
  ),
});
export type KnowledgeStats = Static<typeof KnowledgeStats>;
export const ArticleIdParams = Type.Object({ id: Id });
