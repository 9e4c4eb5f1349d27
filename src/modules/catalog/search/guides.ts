import type { Queryable } from '../../../kernel/db/index.ts';
import { searchIndex } from './service.ts';

/**
 * The catalogue's guides as answers for other modules (the 12345 knowledge base, 智能问答): the
 * published items the catalogue's own search ranks first for a text, with the fields a caller
 * needs to show and score them its own way. Bundles are left out: a 一件事 has no guide text.
 */
export interface GuideCandidate {
  id: string;
  code: string;
  name: string;
  departmentId: string | null;
  departmentName: string;
  /** aliases, keywords and the FAQ's questions: how people ask for it */
  askedAs: string[];
  /** the FAQ's answers and the conditions: what the guide says */
  says: string[];
}

export async function searchGuides(q: Queryable, text: string, limit: number): Promise<GuideCandidate[]> {
  if (!text.trim()) return [];
  const index = await searchIndex(q);
  return index
    .rank(text)
    .filter((h) => h.doc.kind === 'item' && h.score > 0)
    .slice(0, limit)
    .map(({ doc }) => ({
      id: doc.id,
      code: doc.code,
      name: doc.name,
      departmentId: doc.departmentId,
      departmentName: doc.departmentName,
      askedAs: [...doc.aliases, ...doc.keywords, ...doc.faqs.map((f) => f.q)],
      says: [...doc.faqs.map((f) => f.a), ...doc.conditions],
    }));
}

/** Published items by code with their names (a link from another module shows what it links to). */
export async function publishedItemNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await q.query<{ code: string; name: string }>(
    `select i.code, v.content->>'name' as name from catalog_item i join catalog_item_version v on v.id = i.published_version_id
      where i.code = any($1::text[])`,
    [[...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
