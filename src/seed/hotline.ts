import { readFileSync } from 'node:fs';
import type { AppContext } from '../kernel/context.ts';
import { retrainClassifier, seedHotlineCatalogue, type CategorySeed } from '../modules/hotline/index.ts';
import { seedHotlineKnowledge } from './hotline-knowledge.ts';
import { seedHotlineTickets } from './hotline-tickets.ts';

/** The demo city's 12345 content categories (two levels) with the department of each first-level one. */
const CATEGORIES = new URL('./hotline/categories.json', import.meta.url);

/** The demo city's 12345 content categories, responsibility catalogue (派单目录), knowledge base and a day of calls. */
export async function seedHotlineDemo(ctx: AppContext, cityCode: string): Promise<void> {
  const categories = JSON.parse(readFileSync(CATEGORIES, 'utf8')) as CategorySeed[];
  await ctx.db.transaction((tx) => seedHotlineCatalogue(tx, cityCode, categories));
  // the knowledge base before the calls: some are answered from its articles
  const articles = await seedHotlineKnowledge(ctx, cityCode);
  await seedHotlineTickets(ctx, cityCode, articles);
  // the classifier first trained on the day's first call: now it learns from the finished ones too
  await retrainClassifier(ctx);
}
