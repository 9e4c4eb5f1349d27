import { regionPrefix } from '../../../kernel/region-code.ts';
import type { Audience } from '../themes.ts';
import { bigrams, deletions, editDistance, hasCjk, normalize, pinyinOf, searchTokens, words } from './text.ts';

/**
 * An in-memory inverted index over published items and bundles, built in TypeScript so search
 * behaves identically on PGlite and PostgreSQL. Terms are jieba words (search mode) and CJK
 * bigrams, weighted per field; a query word is expanded with administrator-maintained synonyms,
 * homophones (same pinyin: 身分证 → 身份证), one-character typos, and pinyin / initials
 * (`sfz` → 身份证). Ranking: BM25-like term scores, the share of the query covered, a phrase
 * bonus for names, and popularity.
 */
export interface SearchDoc {
  id: string;
  kind: 'item' | 'bundle';
  code: string;
  basicCode: string;
  name: string;
  aliases: string[];
  keywords: string[];
  conditions: string[];
  faqs: { q: string; a: string }[];
  materials: string[];
  departmentId: string | null;
  departmentName: string;
  regionCode: string;
  typeCode: string | null;
  /** 个人 / 法人 themes (themes.ts codes); a bundle has its one theme under its audience. */
  themes: Record<Audience, string[]>;
  objects: string[];
  /** 0–100 (demo ranking and views). */
  popularity: number;
  /** What a result shows of an item (可网办, 跑动次数, 承诺时限); bundles have none. */
  tags?: ItemTags;
}

export interface ItemTags {
  /** 可网办: online depth at least ONLINE_APPLY_LEVEL. */
  online: boolean;
  visits: number | null;
  promisedLimit: { immediate: boolean; days: number } | null;
}

export interface SearchFilters {
  departmentId?: string;
  typeCode?: string;
  theme?: string;
  /** With `theme`: the theme of this audience only; alone: having any theme of this audience. */
  audience?: Audience;
  /** 可网办 only. */
  online?: boolean;
  object?: string;
  regionCode?: string;
  kind?: 'item' | 'bundle';
}

/** Whether a document passes the filters (all of them, or all but one facet's own: see facets.ts). */
export function matchesFilters(doc: SearchDoc, f: SearchFilters): boolean {
  if (f.kind && doc.kind !== f.kind) return false;
  if (f.departmentId && doc.departmentId !== f.departmentId) return false;
  if (f.typeCode && doc.typeCode !== f.typeCode) return false;
  if (f.theme) {
    const lists = f.audience ? [doc.themes[f.audience]] : [doc.themes.person, doc.themes.entity];
    if (!lists.some((l) => l.includes(f.theme!))) return false;
  } else if (f.audience && doc.themes[f.audience].length === 0) return false;
  if (f.online && !doc.tags?.online) return false;
  if (f.object && !doc.objects.includes(f.object)) return false;
  if (f.regionCode && !doc.regionCode.startsWith(regionPrefix(f.regionCode))) return false;
  return true;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Which query words matched and how (exact, synonym, pinyin, typo …), for explanation. */
  matched: string[];
}

const FIELD_WEIGHTS = {
  name: 10,
  alias: 8,
  keyword: 6,
  department: 1.5,
  faqQ: 1.5,
  condition: 1,
  material: 0.8,
  faqA: 0.4,
} as const;
const BIGRAM_FACTOR = 0.35;
/** Term-frequency strength (see search) at which a match covers its query word fully: about an alias match. */
const FULL_COVER_STRENGTH = 1.5;
const K1 = 1.2;

interface Posting {
  doc: number;
  w: number;
}

/** A name or alias indexed as one term too: CJK only, 3 to 8 characters. */
const WHOLE_PHRASE = /^[\u3400-\u9fff]{3,8}$/u;

/** A synonym cut into more words than this is not looked for (keeps query parsing linear). */
const MAX_SYNONYM_PARTS = 4;

/** How a query word was expanded into an index term. */
type Via = 'exact' | 'part' | 'synonym' | 'synonymPart' | 'homophone' | 'typo' | 'pinyin' | 'initials' | 'bigram';
const VIA_WEIGHT: Record<Via, number> = {
  exact: 1,
  part: 0.75,
  synonym: 0.9,
  // A piece of a multi-word synonym (生育保险待遇 → 待遇) says little about the query word.
  synonymPart: 0.4,
  homophone: 0.8,
  typo: 0.6,
  pinyin: 0.85,
  initials: 0.8,
  bigram: 0.45,
};

interface Alternative {
  term: string;
  via: Via;
}
interface QueryGroup {
  word: string;
  alternatives: Alternative[];
}

export class SearchIndex {
  readonly docs: SearchDoc[] = [];
  private postings = new Map<string, Posting[]>();
  /** pinyin (full) → terms; initials → terms; deletion-neighbourhood → terms. */
  private byPinyin = new Map<string, Set<string>>();
  private byInitials = new Map<string, Set<string>>();
  private byDeletion = new Map<string, Set<string>>();
  private synonyms = new Map<string, Set<string>>();
  private names: { text: string; norm: string; pinyin: string; initials: string; doc: number }[] = [];
  private byCode = new Map<string, number[]>();

  constructor(docs: SearchDoc[], synonymGroups: string[][] = []) {
    for (const group of synonymGroups) {
      const ws = group.map(normalize).filter(Boolean);
      for (const w of ws) {
        const set = this.synonyms.get(w) ?? new Set<string>();
        for (const o of ws) if (o !== w) set.add(o);
        this.synonyms.set(w, set);
      }
    }
    for (const doc of docs) this.add(doc);
    for (const term of this.postings.keys()) this.indexTerm(term);
  }

  get size() {
    return this.docs.length;
  }

  private add(doc: SearchDoc) {
    const n = this.docs.push(doc) - 1;
    const weights = new Map<string, number>();
    const put = (text: string, weight: number, withBigrams: boolean) => {
      for (const t of searchTokens(text)) weights.set(t, (weights.get(t) ?? 0) + weight);
      if (withBigrams) for (const b of bigrams(text)) weights.set(b, (weights.get(b) ?? 0) + weight * BIGRAM_FACTOR);
    };
    put(doc.name, FIELD_WEIGHTS.name, true);
    for (const a of doc.aliases) put(a, FIELD_WEIGHTS.alias, true);
    for (const k of doc.keywords) put(k, FIELD_WEIGHTS.keyword, true);
    put(doc.departmentName, FIELD_WEIGHTS.department, false);
    for (const c of doc.conditions) put(c, FIELD_WEIGHTS.condition, false);
    for (const m of doc.materials) put(m, FIELD_WEIGHTS.material, false);
    for (const f of doc.faqs) {
      put(f.q, FIELD_WEIGHTS.faqQ, false);
      put(f.a, FIELD_WEIGHTS.faqA, false);
    }
    // A short name or alias is also a term as a whole, so its pinyin and initials find it
    // (ydjyba → 异地就医备案, yancaozheng → 烟草证) where jieba cuts it into several words.
    for (const text of [doc.name, ...doc.aliases]) {
      const whole = normalize(text);
      if (WHOLE_PHRASE.test(whole)) weights.set(whole, Math.max(weights.get(whole) ?? 0, FIELD_WEIGHTS.alias));
    }
    for (const [term, w] of weights) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      list.push({ doc: n, w });
    }
    for (const text of [doc.name, ...doc.aliases]) {
      const norm = normalize(text);
      const py = pinyinOf(norm.replace(/[^\u3400-\u9fffa-z0-9]/g, ''));
      this.names.push({ text, norm, pinyin: py.full, initials: py.initials, doc: n });
    }
    for (const code of [doc.code, doc.basicCode]) {
      const list = this.byCode.get(code) ?? [];
      list.push(n);
      this.byCode.set(code, list);
    }
  }

  private indexTerm(term: string) {
    const link = (map: Map<string, Set<string>>, key: string) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(term);
    };
    if (hasCjk(term)) {
      const py = pinyinOf(term);
      link(this.byPinyin, py.full);
      if (py.initials.length >= 2) link(this.byInitials, py.initials);
      if ([...term].length >= 3) for (const d of deletions(term)) link(this.byDeletion, d);
      if (py.full.length >= 5) for (const d of deletions(py.full)) link(this.byDeletion, `py:${d}`);
    } else if (term.length >= 4) {
      for (const d of deletions(term)) link(this.byDeletion, d);
    }
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return df === 0 ? 0 : Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
  }

  /** The index terms a query word may stand for. */
  private expand(word: string): Alternative[] {
    const alts: Alternative[] = [];
    const seen = new Set<string>();
    const push = (term: string, via: Via) => {
      if (!seen.has(term) && this.postings.has(term)) {
        seen.add(term);
        alts.push({ term, via });
      }
    };
    push(word, 'exact');
    for (const s of this.synonyms.get(word) ?? []) {
      push(s, 'synonym');
      for (const t of searchTokens(s)) push(t, 'synonymPart');
    }
    if (hasCjk(word)) {
      const length = [...word].length;
      if (length >= 3) for (const t of searchTokens(word)) if (t !== word) push(t, 'part');
      // One character has dozens of homophones (补 → 部, 不, 步): only words are matched by sound.
      if (length >= 2) for (const t of this.byPinyin.get(pinyinOf(word).full) ?? []) push(t, 'homophone');
      if (!this.postings.has(word) && length >= 3) {
        const candidates = new Set<string>();
        for (const d of [word, ...deletions(word)]) for (const t of this.byDeletion.get(d) ?? []) candidates.add(t);
        for (const t of candidates) if (editDistance(word, t, 1) <= 1) push(t, 'typo');
        // A modifier inside a known word (盖新房 → 盖房) keeps the word's meaning.
        for (const d of deletions(word)) if ([...d].length >= 2) push(d, 'part');
      }
      if (length >= 2 && alts.length === 0) for (const b of bigrams(word)) push(b, 'bigram');
    } else if (/^[a-z]+$/.test(word)) {
      for (const t of this.byPinyin.get(word) ?? []) push(t, 'pinyin');
      for (const t of this.byInitials.get(word) ?? []) push(t, 'initials');
      if (alts.length === 0 && word.length >= 5) {
        const candidates = new Set<string>();
        for (const d of [word, ...deletions(word)]) for (const t of this.byDeletion.get(`py:${d}`) ?? []) candidates.add(t);
        for (const t of candidates) if (editDistance(word, pinyinOf(t).full, 1) <= 1) push(t, 'typo');
      }
    }
    return alts;
  }

  /** Query words: jieba words of the CJK parts; ASCII runs as pinyin/initials/codes. */
  private groups(query: string): QueryGroup[] {
    const out: QueryGroup[] = [];
    const seen = new Set<string>();
    for (const part of normalize(query).split(/([a-z]+)/)) {
      if (!part.trim()) continue;
      const ws = /^[a-z]+$/.test(part) ? [part] : this.joinSingles(this.joinSynonyms(words(part)));
      for (const w of ws) {
        if (seen.has(w)) continue;
        seen.add(w);
        out.push({ word: w, alternatives: this.expand(w) });
      }
    }
    return out;
  }

  /**
   * An administrator's synonym the segmenter does not know arrives cut (水狗子 → 水 / 狗子): adjacent
   * words that together spell a synonym are joined back, the longest run first, when a piece is
   * unknown to the index (pieces that are all index words already find their items one by one,
   * at full weight). Done on the query only, so the index and other queries stay as they were.
   */
  private joinSynonyms(ws: string[]): string[] {
    if (this.synonyms.size === 0) return ws;
    const out: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      let joined = ws[i]!;
      for (let j = Math.min(ws.length, i + MAX_SYNONYM_PARTS); j > i + 1; j--) {
        const run = ws.slice(i, j);
        const candidate = run.join('');
        if (this.synonyms.has(candidate) && run.some((w) => !this.postings.has(w))) {
          joined = candidate;
          i = j - 1;
          break;
        }
      }
      out.push(joined);
    }
    return out;
  }

  /**
   * jieba cuts an unknown or mistyped word into single characters (过其 → 过 / 其): a run of
   * single characters is tried as one word first, and kept joined when that finds index terms
   * (here by sound: guoqi → 过期).
   */
  private joinSingles(ws: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      let j = i;
      while (j < ws.length && [...ws[j]!].length === 1 && hasCjk(ws[j]!)) j++;
      if (j - i >= 2) {
        const joined = ws.slice(i, j).join('');
        if (this.expand(joined).length) {
          out.push(joined);
          i = j - 1;
          continue;
        }
      }
      out.push(ws[i]!);
    }
    return out;
  }

  /** One page of the hits that pass the filters, and how many pass. */
  search(query: string, filters: SearchFilters = {}, limit = 20, offset = 0): { hits: SearchHit[]; total: number } {
    const hits = this.rank(query).filter((h) => matchesFilters(h.doc, filters));
    return { hits: hits.slice(offset, offset + limit), total: hits.length };
  }

  /**
   * Every document the query finds, best first, before any filter (the facets count over these).
   * An exact code finds its documents; an empty query lists all, the most popular first.
   */
  rank(query: string): SearchHit[] {
    const q = normalize(query);
    const scores = new Map<number, { score: number; covered: number; matched: Set<string> }>();
    const exactCode = this.byCode.get(query.trim());
    if (exactCode) return exactCode.map((n) => ({ doc: this.docs[n]!, score: 1000, matched: ['code'] }));
    if (!q) {
      const all = [...this.docs].sort((a, b) => b.popularity - a.popularity || a.name.localeCompare(b.name));
      return all.map((doc) => ({ doc, score: 0, matched: [] }));
    }
    const groups = this.groups(q);
    let importance = 0;
    const singles: { char: string; gi: number; found: Set<number> }[] = [];
    for (const g of groups) {
      const single = [...g.word].length === 1 && hasCjk(g.word);
      // A lone character (人, 领, 补) is weak evidence next to the words of the query.
      const gi = Math.max(0.5, ...g.alternatives.map((a) => this.idf(a.term))) * (single ? 0.5 : 1);
      importance += gi;
      const best = new Map<number, { s: number; strength: number; via: string }>();
      for (const alt of g.alternatives) {
        const idf = this.idf(alt.term) * VIA_WEIGHT[alt.via];
        for (const p of this.postings.get(alt.term) ?? []) {
          const tf = (p.w * (K1 + 1)) / (p.w + K1);
          // A lone character somewhere in the conditions or answers (人 in 当事人本人) is noise.
          if (single && VIA_WEIGHT[alt.via] * tf < FULL_COVER_STRENGTH) continue;
          const s = idf * tf;
          const cur = best.get(p.doc);
          if (!cur || s > cur.s) best.set(p.doc, { s, strength: VIA_WEIGHT[alt.via] * tf, via: `${g.word}:${alt.via}` });
        }
      }
      for (const [doc, { s, strength, via }] of best) {
        const e = scores.get(doc) ?? { score: 0, covered: 0, matched: new Set<string>() };
        e.score += s;
        // The query is covered by what the item is about (name, aliases, keywords), less by a
        // word that only occurs somewhere in its conditions or answers.
        e.covered += gi * Math.min(1, strength / FULL_COVER_STRENGTH);
        e.matched.add(via);
        scores.set(doc, e);
      }
      if (single) singles.push({ char: g.word, gi, found: new Set(best.keys()) });
    }
    // A lone character inside a word of the name (领 in 申领, 补 in 补换) covers that part of the query.
    for (const { char, gi, found } of singles) {
      for (const [n, e] of scores) {
        const doc = this.docs[n]!;
        if (found.has(n) || !(doc.name.includes(char) || doc.aliases.some((a) => a.includes(char)))) continue;
        e.covered += gi * VIA_WEIGHT.part;
        e.score += gi * VIA_WEIGHT.part;
        e.matched.add(`${char}:in-name`);
      }
    }
    const phrase = q.replace(/[^\u3400-\u9fffa-z0-9]/g, '');
    const results: SearchHit[] = [];
    for (const [n, e] of scores) {
      const doc = this.docs[n]!;
      const coverage = importance ? e.covered / importance : 0;
      let score = e.score * (0.25 + 0.75 * coverage * coverage);
      const name = normalize(doc.name);
      if (phrase.length >= 2) {
        if (name === phrase || doc.aliases.some((a) => normalize(a) === phrase)) score *= 1.6;
        else if (name.includes(phrase) || doc.aliases.some((a) => normalize(a).includes(phrase))) score *= 1.3;
      }
      score *= 1 + (0.25 * Math.log1p(Math.max(0, doc.popularity))) / Math.log1p(100);
      results.push({ doc, score, matched: [...e.matched] });
    }
    results.sort((a, b) => b.score - a.score || b.doc.popularity - a.doc.popularity || a.doc.code.localeCompare(b.doc.code));
    return results;
  }

  /** Completions while typing: names and aliases starting with (or, for pinyin, spelled by) the prefix. */
  suggest(prefix: string, filters: SearchFilters = {}, limit = 8): { text: string; doc: SearchDoc }[] {
    const p = normalize(prefix).replace(/\s+/g, '');
    if (!p) return [];
    const ascii = /^[a-z]+$/.test(p);
    const scored: { text: string; doc: SearchDoc; rank: number }[] = [];
    for (const entry of this.names) {
      const doc = this.docs[entry.doc]!;
      let rank = -1;
      if (entry.norm.startsWith(p)) rank = 3;
      else if (ascii && entry.initials.startsWith(p)) rank = 2;
      else if (ascii && p.length >= 2 && entry.pinyin.startsWith(p)) rank = 2;
      else if (!ascii && p.length >= 2 && entry.norm.includes(p)) rank = 1;
      if (rank < 0 || !matchesFilters(doc, filters)) continue;
      scored.push({ text: entry.text, doc, rank: rank * 1000 + doc.popularity });
    }
    scored.sort((a, b) => b.rank - a.rank || a.text.length - b.text.length);
    const out: { text: string; doc: SearchDoc }[] = [];
    const seen = new Set<string>();
    for (const s of scored) {
      if (seen.has(s.text)) continue;
      seen.add(s.text);
      out.push({ text: s.text, doc: s.doc });
      if (out.length >= limit) break;
    }
    return out;
  }
}
