import { systemActor } from '../kernel/actor.ts';
import type { AppContext } from '../kernel/context.ts';
import { findEnterpriseByUscc } from '../modules/identity/index.ts';
import { seedDemoLicences } from '../modules/license/index.ts';
import { childRegions, departmentRefsByCode } from '../modules/org/index.ts';
import { createSeal } from '../modules/seal/index.ts';
import { seedAdministrator } from './actor.ts';
import { demoLicenseTypeCode, demoLicenseTypes } from './catalog-data.ts';
import { departmentsOf, publishedDemoItems } from './published-items.ts';
import { resultLicenceTypes } from './result-licence-types.ts';
import { DEMO_PEOPLE } from './people.ts';
import { demoEnterpriseUscc } from './uscc.ts';

/**
 * The licence side of the demo city. Every department that owns a published demo item (and the
 * city market regulator in any city) gets its official seal, which signs its decision documents
 * and licences; every licence a published item issues has its licence type (`resultLicenceTypes`).
 * 营业执照 and 特种设备使用登记证 are described field by field, as the 免证办 and licence-result
 * demos fill them; the demo enterprise already holds its 营业执照. Runs after `seedCity`, which
 * has no file store.
 */
export async function seedLicenceDemo(ctx: AppContext, cityCode: string): Promise<{ seals: number; types: number; licences: number }> {
  const code = `${cityCode.slice(0, 6)}-SCJGJ`;
  const scjgj = (await departmentRefsByCode(ctx.db, [code])).get(code);
  if (!scjgj) return { seals: 0, types: 0, licences: 0 };
  // Seals are made by an administrator of the city; the seed acts as one.
  const admin = seedAdministrator(cityCode);
  const items = await publishedDemoItems(ctx.db);
  const sealed = [...new Set([scjgj.id, ...departmentsOf(items)])];
  for (const departmentId of sealed) await createSeal(ctx, admin, { departmentId, kind: 'official' });
  const catalogue = demoLicenseTypes();
  const cityDepts = await departmentRefsByCode(
    ctx.db,
    catalogue.map((t) => `${cityCode.slice(0, 6)}-${t.departmentCode}`),
  );
  const derived = resultLicenceTypes(items, catalogue, (abbr) => cityDepts.get(`${cityCode.slice(0, 6)}-${abbr}`)?.id);
  const issuersOf = (typeCode: string) => derived.find((t) => t.code === typeCode)?.issuingDepartmentIds;

  let enterprise;
  for (const county of await childRegions(ctx.db, cityCode)) {
    enterprise = await findEnterpriseByUscc(ctx.db, demoEnterpriseUscc(county.code, 1));
    if (enterprise) break;
  }
  const text = (key: string, label: string, required = true) => ({ key, label, type: 'text' as const, required, personal: false });
  const businessLicence = demoLicenseTypeCode('营业执照');
  const result = await seedDemoLicences(ctx, systemActor('seed'), {
    types: [
      {
        code: businessLicence,
        name: '营业执照',
        holderKind: 'enterprise',
        departmentId: scjgj.id,
        issuingDepartmentIds: issuersOf(businessLicence),
        fields: [
          text('legalRepresentative', '法定代表人'),
          text('entityType', '类型', false),
          { key: 'establishedOn', label: '成立日期', type: 'date', required: false, personal: false },
          text('entityAddress', '住所'),
          text('businessScope', '经营范围', false),
        ],
      },
      {
        code: demoLicenseTypeCode('特种设备使用登记证'),
        name: '特种设备使用登记证',
        holderKind: 'enterprise',
        departmentId: scjgj.id,
        fields: [text('equipmentType', '设备类别'), text('equipmentCode', '设备代码'), text('installAddress', '设备使用地点')],
        title: '特种设备使用登记证',
      },
      // the hand-described types above come first: a type is created once, by its first description
      ...derived,
    ],
    licences: enterprise
      ? [
          {
            typeCode: businessLicence,
            departmentId: scjgj.id,
            holder: { kind: 'enterprise', name: enterprise.name, code: enterprise.uscc },
            fields: {
              legalRepresentative: DEMO_PEOPLE[1]!.name,
              entityType: '有限责任公司（自然人投资或控股）',
              establishedOn: '2021-03-18',
              entityAddress: '云浮市云城区星岩四路18号',
              businessScope: '软件开发；信息技术咨询服务；石材产品技术研发',
            },
          },
        ]
      : [],
  });
  return { seals: sealed.length, ...result };
}
