import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// The knowledge base's API shapes (type-only from the hotline module's contract).
import type {
  Article,
  ArticleInput,
  ArticleListQuery,
  ArticleStatus,
  ArticleUpdate,
  ArticleVersion,
  KnowledgeHit,
} from '../../../../src/modules/hotline/api.ts';

export type { Article, ArticleInput, ArticleStatus, ArticleUpdate, ArticleVersion, KnowledgeHit };
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'retired'];

const article = (id: string, step = '') => `/api/hotline/knowledge/articles/${encodeURIComponent(id)}${step ? `/${step}` : ''}`;

/** 知识库: articles, their versions and steps, the agent's search and the record of an article opened from a ticket. */
export const knowledge = {
  search: (q: string, signal?: AbortSignal) =>
    api.get<{ items: KnowledgeHit[]; tookMs: number }>('/api/hotline/knowledge/search', { q, limit: 6 }, signal),
  list: (query: Partial<ArticleListQuery>, signal?: AbortSignal) =>
    api.get<Page<Article>>('/api/hotline/knowledge/articles', query, signal),
  get: (id: string) => api.get<Article>(article(id)),
  versions: (id: string) => api.get<{ items: ArticleVersion[] }>(article(id, 'versions')),
  create: (input: ArticleInput) => api.post<Article>('/api/hotline/knowledge/articles', input),
  update: (id: string, input: ArticleUpdate) => api.put<Article>(article(id), input),
  publish: (a: Article) => api.post<Article>(article(a.id, 'publish'), { version: a.version }),
  retire: (a: Article) => api.post<Article>(article(a.id, 'retire'), { version: a.version }),
  open: (id: string, ticketId: string) => api.post<void>(article(id, 'open'), { ticketId }),
};
