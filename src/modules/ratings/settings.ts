import type { Actor } from '../../kernel/actor.ts';
import { requireRole, requireScope } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { CITY_SETTING, getSetting, putSetting, type CitySetting } from '../../kernel/settings.ts';
import type { Stage } from './dictionary.ts';
import type { RatingSettings } from './schemas.ts';

/**
 * Local rules that differ by place (STANDARDS.md §1.2): how long a rater has before silence
 * counts as 基本满意 (Guangdong: 7 natural days), the rectification deadline in working days
 * (5 or 15 by locality), and whether submission and acceptance are rated too (一事多评).
 */
export type { RatingSettings };

export const RATING_SETTING = 'ratings';
export const DEFAULT_SETTINGS: RatingSettings = { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['completed'] };

export async function ratingSettings(q: Queryable): Promise<RatingSettings> {
  const stored = await getSetting<Partial<RatingSettings>>(q, RATING_SETTING);
  return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
}

export async function saveRatingSettings(q: Queryable, s: RatingSettings): Promise<RatingSettings> {
  // completion is always rated; the other stages are optional
  const stages = [...new Set<Stage>([...s.stages, 'completed'])];
  const value = { ...s, stages };
  await putSetting(q, RATING_SETTING, value);
  return value;
}

/** The rules hold for the whole node, so only an administrator of the whole city sets them. */
export async function requireCityAdministrator(q: Queryable, actor: Actor): Promise<void> {
  requireRole(actor, ['administrator']);
  const city = await getSetting<CitySetting>(q, CITY_SETTING);
  if (city) requireScope(actor, ['administrator'], { regionCode: city.code.padEnd(12, '0') });
}
