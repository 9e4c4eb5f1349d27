import type { AppContext } from '../kernel/context.ts';
import { seedDataDemo } from './data-catalogue.ts';
import { seedDataExchange } from './data-exchange.ts';
import { seedLicenceDemo } from './licences.ts';

/** What the demo city holds beyond `seedCity` (which has no file store): seals and licences, the data catalogue, its base libraries and exchange. */
export async function seedModuleDemos(ctx: AppContext, cityCode: string): Promise<void> {
  await seedLicenceDemo(ctx, cityCode);
  const { resources } = await seedDataDemo(ctx, cityCode);
  await seedDataExchange(ctx, cityCode, resources);
}
