import { readFileSync } from 'node:fs';
import type { AppContext } from '../kernel/context.ts';
import { createResource, publishResource, type Resource, type ResourceCreate } from '../modules/data/index.ts';
import { departmentRefsByCode } from '../modules/org/index.ts';
import { seedAdministrator } from './actor.ts';

/** A demo resource as `data/resources.json` lists it: the provider by its department abbreviation. */
type DemoResource = Omit<ResourceCreate, 'providerDepartmentId'> & { department: string; status?: 'draft' };

const RESOURCES = new URL('./data/resources.json', import.meta.url);

/**
 * The demo city's 政务信息资源目录: the base libraries (人口, 法人, 空间地理, 信用, 证照), some
 * thematic and department resources, each through the data module as a data bureau would enter
 * it, published unless marked draft. 出生日期 is claimed by both 公安 and 卫健 as their own, so
 * the 一数一源 check has something to show.
 */
export async function seedDataDemo(ctx: AppContext, cityCode: string): Promise<{ resources: Map<string, Resource> }> {
  const list = JSON.parse(readFileSync(RESOURCES, 'utf8')) as DemoResource[];
  const city = cityCode.slice(0, 6);
  const providers = await departmentRefsByCode(
    ctx.db,
    list.map((r) => `${city}-${r.department}`),
  );
  const admin = seedAdministrator(cityCode);
  const resources = new Map<string, Resource>();
  for (const { department, status, ...content } of list) {
    const provider = providers.get(`${city}-${department}`);
    if (!provider) continue;
    const created = await createResource(ctx, admin, { providerDepartmentId: provider.id, ...content });
    resources.set(created.name, status === 'draft' ? created : await publishResource(ctx, admin, created.id, created.version));
  }
  return { resources };
}
