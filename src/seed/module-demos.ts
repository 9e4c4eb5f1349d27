import type { AppContext } from '../kernel/context.ts';
import * as clock from '../kernel/clock.ts';
import { personalData } from '../kernel/pii.ts';
import { publishOpenFigures, scheduleOpenFigures } from '../modules/indicators/index.ts';
import { seedDataDemo } from './data-catalogue.ts';
import { seedDataExchange } from './data-exchange.ts';
import { seedHotlineDemo } from './hotline.ts';
import { seedLicenceDemo } from './licences.ts';

/**
 * What the demo city holds beyond `seedCity` (which has no file store): seals and licences, the
 * data catalogue, its base libraries and exchange, the 12345 categories and 派单目录, and the monthly publication of open figures
 * (this month's published at once, the timer set for the month's end).
 */
export async function seedModuleDemos(ctx: AppContext, cityCode: string): Promise<void> {
  await seedLicenceDemo(ctx, cityCode);
  const { resources } = await seedDataDemo(ctx, cityCode);
  await seedDataExchange(ctx, cityCode, resources);
  await seedHotlineDemo(ctx, cityCode);
  const month = clock.today().slice(0, 7);
  await ctx.db.transaction(async (tx) => {
    await publishOpenFigures(tx, personalData(ctx.config.masterKey), month);
    await scheduleOpenFigures(tx, month);
  });
}
