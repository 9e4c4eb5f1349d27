import { readFileSync } from 'node:fs';
import * as clock from '../kernel/clock.ts';
import type { AppContext } from '../kernel/context.ts';
import { publishedItemNames } from '../modules/catalog/index.ts';
import { createArticle, publishArticle } from '../modules/hotline/index.ts';
import { childRegions, departmentRefsByCode } from '../modules/org/index.ts';
import { seedAdministrator } from './actor.ts';

/**
 * When an article is to be reviewed or expires, relative to the day the demo is seeded: most in
 * half a year; a few already due for review (待复核), one expired (过期, never offered), the
 * counties' water-cut notices short-lived.
 */
type Timing = 'due' | 'expired' | 'notice';
interface ArticleSeed {
  department: string;
  categories: string[];
  items: string[];
  title: string;
  questions: string[];
  answer: string;
  review?: Timing;
}
const KNOWLEDGE = new URL('./hotline/knowledge.json', import.meta.url);

const day = (offset: number) => {
  const d = new Date(`${clock.today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const DATES: Record<Timing | 'default', { reviewOn: string | null; expiresOn: string | null }> = {
  get default() {
    return { reviewOn: day(180), expiresOn: null };
  },
  get due() {
    return { reviewOn: day(-7), expiresOn: null };
  },
  get expired() {
    return { reviewOn: day(-60), expiresOn: day(-1) };
  },
  get notice() {
    return { reviewOn: day(3), expiresOn: day(10) };
  },
};

/** A published article the demo tickets may be answered with. */
export interface SeededArticle {
  id: string;
  categoryCodes: string[];
  answer: string;
}

/**
 * The demo city's 12345 knowledge base (synthetic): about a hundred articles of the city's
 * departments on what callers ask most (社保卡挂失, 公积金提取, 居住证, 学位申请, 停水 …), many
 * linked to the demo catalogue's items, and each county's own (its service centre, registry
 * offices, water-cut notice) — written and published through the module's services.
 */
export async function seedHotlineKnowledge(ctx: AppContext, cityCode: string): Promise<SeededArticle[]> {
  const { articles, perCounty } = JSON.parse(readFileSync(KNOWLEDGE, 'utf8')) as {
    articles: ArticleSeed[];
    perCounty: ArticleSeed[];
  };
  const admin = seedAdministrator(cityCode);
  const city6 = cityCode.slice(0, 6);
  const counties = await childRegions(ctx.db, cityCode);
  const all = [
    ...articles.map((a) => ({ ...a, region6: city6 })),
    ...counties.flatMap((c) =>
      perCounty.map((a) => ({
        ...a,
        region6: c.code.slice(0, 6),
        title: a.title.replaceAll('{county}', c.name),
        questions: a.questions.map((q) => q.replaceAll('{county}', c.name)),
        answer: a.answer.replaceAll('{county}', c.name),
      })),
    ),
  ];
  const departments = await departmentRefsByCode(
    ctx.db,
    all.flatMap((a) => [`${a.region6}-${a.department}`, `${city6}-${a.department}`]),
  );
  // an item the catalogue left a draft (a quality rule) is not linked
  const items = await publishedItemNames(
    ctx.db,
    all.flatMap((a) => a.items),
  );
  const seeded: SeededArticle[] = [];
  for (const a of all) {
    // a county without its own office of this kind: the city's department answers for it
    const department = departments.get(`${a.region6}-${a.department}`) ?? departments.get(`${city6}-${a.department}`);
    if (!department) continue;
    const draft = await createArticle(ctx, admin, {
      departmentId: department.id,
      title: a.title,
      questions: a.questions,
      answer: a.answer,
      categoryCodes: a.categories,
      itemCodes: a.items.filter((code) => items.has(code)),
      ...DATES[a.review ?? 'default'],
    });
    const live = await publishArticle(ctx, admin, draft.id, draft.version);
    if (!live.expired) seeded.push({ id: live.id, categoryCodes: a.categories, answer: live.answer });
  }
  return seeded;
}
