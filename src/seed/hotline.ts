import { readFileSync } from 'node:fs';
import type { AppContext } from '../kernel/context.ts';
import { seedHotlineCatalogue, type CategorySeed } from '../modules/hotline/index.ts';

/** The demo city's 12345 content categories (two levels) with the department of each first-level one. */
const CATEGORIES = new URL('./hotline/categories.json', import.meta.url);

/** The demo city's 12345 content categories and responsibility catalogue (派单目录). */
export async function seedHotlineDemo(ctx: AppContext, cityCode: string): Promise<void> {
  const categories = JSON.parse(readFileSync(CATEGORIES, 'utf8')) as CategorySeed[];
  await ctx.db.transaction((tx) => seedHotlineCatalogue(tx, cityCode, categories));
}
