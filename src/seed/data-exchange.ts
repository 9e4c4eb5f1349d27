import { systemActor, type Actor } from '../kernel/actor.ts';
import * as clock from '../kernel/clock.ts';
import type { AppContext } from '../kernel/context.ts';
import { approveDemand, bindSystem, exchangeGateway, loadRecords, setBaseFieldSource, submitDemand, type Resource } from '../modules/data/index.ts';
import { registerClient } from '../modules/identity/index.ts';
import { feedWholeLicenceLibrary } from '../modules/license/index.ts';
import { childRegions, departmentRefsByCode, getRegion } from '../modules/org/index.ts';
import { seedAdministrator } from './actor.ts';
import { demoLibraries } from './data-records.ts';
import { demoLegalEntities } from './demo-city.ts';
import { DEMO_PEOPLE, demoIdNumber } from './people.ts';

/**
 * The demo city's base libraries and exchange, through the data module as a city would run
 * them: the libraries loaded by their providers' path (`loadRecords`, JSON), which also feeds
 * identity's population and legal-entity checks; the 人社 business system registered as an OIDC
 * client, bound to 人社局, granted 常住人口基本信息 on its demand (names in clear, ID numbers
 * masked) and having looked up the demo citizens — so the call statistics and the citizens'
 * 我的数据使用记录 have something to show; and 发改局 holding 市场主体登记信息 unconditionally.
 */
export async function seedDataExchange(ctx: AppContext, cityCode: string, resources: Map<string, Resource>): Promise<void> {
  const admin = seedAdministrator(cityCode);
  const city = await getRegion(ctx.db, cityCode);
  const counties = [];
  for (const county of await childRegions(ctx.db, cityCode))
    counties.push({ county, towns: await childRegions(ctx.db, county.code) });
  if (!counties.length) return;
  const firstCounty = counties[0]!.county.code;
  const people = DEMO_PEOPLE.map((p, i) => ({ name: p.name, idNumber: demoIdNumber(firstCounty, p.birthDate, i) }));
  const libraries = demoLibraries(city.name, counties, { enterprises: demoLegalEntities(city.name, firstCounty, people) });
  const load = async (name: string, rows: Record<string, unknown>[]) => {
    const resource = resources.get(name);
    if (resource?.status !== 'published') return;
    const report = await loadRecords(ctx, admin, resource.id, { format: 'json', content: JSON.stringify(rows) });
    if (!report.ok) throw new Error(`demo library ${name}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  };
  await load('常住人口基本信息', libraries.population);
  await load('社会保险参保信息', libraries.socialInsurance);
  await load('市场主体登记信息', libraries.enterprises);
  await load('市场主体法定代表人信息', libraries.legalReps);
  await load('标准地址信息', libraries.addresses);
  // the licence library holds every licence the demo city issued before the catalogue existed
  // (later issues and status changes reach it from the license module as they happen)
  if (resources.get('电子证照目录信息')?.status === 'published') await ctx.db.transaction((tx) => feedWholeLicenceLibrary(ctx, tx));

  // where the service catalogue's base-library keys come from (免填报 / 免提交)
  const SOURCES: [string, string, string | null][] = [
    ...['name', 'id_number', 'gender', 'birth_date', 'ethnicity', 'household_address'].map((f): [string, string, string] => [`population.${f}`, '常住人口基本信息', f]),
    ...['name', 'uscc', 'legal_representative', 'address', 'business_scope'].map((f): [string, string, string] => [`legal_entity.${f}`, '市场主体登记信息', f]),
    ['legal_entity.registration', '市场主体登记信息', null],
    // (医疗保障参保信息 and 住房公积金缴存信息 hold no demo records: the keys they would serve stay the departments' to obtain)
    ['subject.social_insurance', '社会保险参保信息', null],
    // the open datasets the platform's monthly figures are published into (indicators' open figures)
    ['open.case_volumes', '政务服务办件统计', null],
    ['open.rating_results', '政务服务好差评结果统计', null],
    ['open.payment_totals', '非税收入缴款统计', null],
  ];
  for (const [key, name, fieldKey] of SOURCES) {
    const resource = resources.get(name);
    if (resource?.status === 'published' && resource.keyField) await setBaseFieldSource(ctx, admin, key, { resourceId: resource.id, fieldKey });
  }

  const city6 = cityCode.slice(0, 6);
  const departments = await departmentRefsByCode(ctx.db, [`${city6}-RSJ`, `${city6}-FGJ`]);
  const rsj = departments.get(`${city6}-RSJ`);
  const fgj = departments.get(`${city6}-FGJ`);
  const population = resources.get('常住人口基本信息');
  const enterprises = resources.get('市场主体登记信息');
  if (!rsj || !fgj || !population || !enterprises) return;

  await registerClient(ctx, systemActor('seed'), {
    clientId: 'rsj-ywxt',
    name: '人社业务系统',
    redirectUris: [],
    grantTypes: ['client_credentials'],
    scopes: [],
  });
  await bindSystem(ctx, admin, { clientId: 'rsj-ywxt', departmentId: rsj.id, rateLimit: 100 });
  const fields = ['id_number', 'name', 'birth_date', 'household_region', 'status'];
  const demand = await submitDemand(ctx, admin, {
    resourceId: population.id,
    requesterDepartmentId: rsj.id,
    fields,
    purpose: '养老保险待遇领取资格认证',
    legalBasis: '《中华人民共和国社会保险法》第十条、第十六条',
  });
  await approveDemand(ctx, admin, demand.id, {
    version: demand.version,
    fields,
    clearFields: ['name'],
    validTo: `${Number(clock.today().slice(0, 4)) + 1}-12-31`,
    dailyQuota: 5000,
    note: '姓名明文，身份号码脱敏；仅用于资格认证',
  });
  await submitDemand(ctx, admin, {
    resourceId: enterprises.id,
    requesterDepartmentId: fgj.id,
    fields: ['uscc', 'name', 'type', 'status', 'established_on'],
    purpose: '企业投资项目备案核验',
    legalBasis: '《企业投资项目核准和备案管理条例》',
  });

  const gateway = exchangeGateway(ctx);
  const system: Actor = { kind: 'client', id: 'rsj-ywxt' };
  for (const p of people)
    await gateway.query(system, { resource: population.code, key: p.idNumber, purpose: '年度待遇资格认证' });
  // a refused call for the statistics: a field the grant does not give
  await gateway
    .query(system, { resource: population.code, key: people[0]!.idNumber, fields: ['household_address'] })
    .catch(() => undefined);
}
