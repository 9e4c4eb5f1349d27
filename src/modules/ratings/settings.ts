import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireNodeAdmin } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { getSetting, nodeCityCode, putSetting } from '../../kernel/settings.ts';
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

async function saveRatingSettings(q: Queryable, s: RatingSettings): Promise<RatingSettings> {
  // completion is always rated; the other stages are optional
  const stages = [...new Set<Stage>([...s.stages, 'completed'])];
  const value = { ...s, stages };
  await putSetting(q, RATING_SETTING, value);
  return value;
}

/** The rules hold for the whole node, so only a node-level administrator reads and sets them. */
async function requireCityAdministrator(q: Queryable, actor: Actor): Promise<void> {
  requireNodeAdmin(actor, await nodeCityCode(q));
}

/** The settings page: what the node's rules are now. */
export async function readRatingSettings(ctx: AppContext, actor: Actor): Promise<RatingSettings> {
  await requireCityAdministrator(ctx.db, actor);
  return ratingSettings(ctx.db);
}

export async function updateRatingSettings(ctx: AppContext, actor: Actor, settings: RatingSettings): Promise<RatingSettings> {
  await requireCityAdministrator(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const saved = await saveRatingSettings(tx, settings);
    await appendAudit(tx, actor, { action: 'rating.settings', objectType: 'setting', objectId: 'ratings', details: { ...saved } });
    return saved;
  });
}
