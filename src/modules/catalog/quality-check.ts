import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { requireCatalogStaff } from './access.ts';
import { ruleContext } from './items.ts';
import { checkQuality, type QualityReport } from './rules.ts';
import { assertContent } from './validate-content.ts';

/** The editor's live quality check of content not yet saved: nothing is stored. */
export async function checkDraftQuality(db: Queryable, actor: Actor, content: unknown): Promise<QualityReport> {
  requireCatalogStaff(actor);
  return checkQuality(assertContent(structuredClone(content)), await ruleContext(db));
}
