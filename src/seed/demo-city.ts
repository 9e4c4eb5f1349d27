import { systemActor, type Role, type StaffActor } from '../kernel/actor.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { importYear } from '../kernel/calendar/store.ts';
import type { Db, Tx } from '../kernel/db/index.ts';
import { AppError } from '../kernel/errors.ts';
import { personalData } from '../kernel/pii.ts';
import { regionPrefix } from '../kernel/region-code.ts';
import { CITY_SETTING, getSetting, putSetting, type CitySetting } from '../kernel/settings.ts';
import { seedIdentityDemo } from '../modules/identity/index.ts';
import {
  departments,
  halls,
  insertRegions,
  kiosks,
  readDivisions,
  setStaffRoles,
  staffStore,
  windows,
  type DepartmentCreate,
  type HallCreate,
  type KioskCreate,
  type StaffCreate,
  type WindowCreate,
} from '../modules/org/index.ts';
import { seedCatalog } from './catalog.ts';
import { grantCollectingDepartments } from './finance-grants.ts';
import { seedableCity } from './seedable-city.ts';
import { seedAdministrator } from './actor.ts';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS, DEDICATED_WINDOWS, GENERAL_WINDOW_COUNT, type DepartmentTemplate } from './departments.ts';
import { demoEnterpriseUscc, demoUscc } from './uscc.ts';
import { HALL_POSITIONS } from './hall-positions.ts';
import { DEMO_PEOPLE, DEMO_UNREGISTERED, demoIdNumber, isoDate } from './people.ts';
import * as clock from '../kernel/clock.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  scope: string;
}

export interface SeedSummary {
  city: CitySetting;
  regions: number;
  departments: number;
  halls: number;
  windows: number;
  kiosks: number;
  accounts: DemoAccount[];
  citizens: { name: string; phone: string; password: string }[];
  calendarDays: number;
}

export const DEMO_PASSWORD_PREFIX = 'Yiwang@2026';

export { demoEnterpriseUscc, demoUscc } from './uscc.ts';

interface Seeded {
  departments: Map<string, string>;
  counters: { departments: number; halls: number; windows: number; kiosks: number };
}

/**
 * What the seed does to org: the same create functions the administration pages call, run as the
 * city's administrator inside the seed's one transaction, so the city is set up whole or not at all.
 */
interface OrgSetup {
  tx: Tx;
  admin: StaffActor;
  seeded: Seeded;
}

/** A service that opens its own transaction runs inside the seed's instead. */
const within = (tx: Tx) => ({ transaction: <R>(fn: (t: Tx) => Promise<R>) => fn(tx) });

async function addDepartment(org: OrgSetup, regionCode: string, t: DepartmentTemplate, names: { city: string; county: string }, parentId: string | null) {
  const sequence = ++org.seeded.counters.departments;
  // 云城区 → 云城, as 分中心 are named; a two-character county keeps its name
  const countyShort = names.county.length > 2 ? names.county.replace(/[区县市]$/, '') : names.county;
  const named = (text: string) => text.replace('{city}', names.city).replace('{countyShort}', countyShort).replace('{county}', names.county);
  const created = await departments.create(within(org.tx), org.admin, {
    code: `${regionCode.slice(0, 6)}-${t.abbr}`,
    name: named(t.name),
    ...(t.otherNames ? { otherNames: t.otherNames.map(named) } : {}),
    shortName: t.shortName,
    uscc: demoUscc(regionCode, sequence),
    parentId,
    regionCode,
    sector: t.sector,
  } satisfies DepartmentCreate);
  org.seeded.departments.set(`${regionCode}/${t.abbr}`, created.id);
  return created.id;
}

async function addHall(org: OrgSetup, regionCode: string, regionName: string, towns: { code: string; name: string }[]) {
  const { tx, admin, seeded } = org;
  const hall = await halls.create(within(tx), admin, {
    name: `${regionName}政务服务中心`,
    regionCode,
    address: `${regionName}行政服务大道1号`,
    departmentId: seeded.departments.get(`${regionCode}/ZSJ`) ?? null,
    phone: '12345',
    openingHours: '周一至周五 9:00-12:00 14:30-17:30',
    latitude: HALL_POSITIONS[regionCode]?.latitude ?? null,
    longitude: HALL_POSITIONS[regionCode]?.longitude ?? null,
  } satisfies HallCreate);
  seeded.counters.halls++;
  for (let n = 1; n <= GENERAL_WINDOW_COUNT; n++) {
    await windows.create(within(tx), admin, { hallId: hall.id, number: `A${String(n).padStart(2, '0')}`, name: `综合受理窗口${n}`, isGeneral: true } satisfies WindowCreate);
    seeded.counters.windows++;
  }
  for (const w of DEDICATED_WINDOWS) {
    const departmentId = seeded.departments.get(`${regionCode}/${w.abbr}`) ?? null;
    await windows.create(within(tx), admin, { hallId: hall.id, number: w.number, name: w.name, isGeneral: false, departmentId } satisfies WindowCreate);
    seeded.counters.windows++;
  }
  const kiosk = (input: KioskCreate) => kiosks.create(within(tx), admin, input);
  await kiosk({ code: `K${regionCode.slice(0, 6)}000`, name: `${regionName}政务服务中心自助一体机`, location: `${regionName}政务服务中心一楼大厅`, regionCode, hallId: hall.id });
  seeded.counters.kiosks++;
  // One 粤智助-style kiosk at every town's service centre (便民服务中心).
  for (const town of towns) {
    await kiosk({ code: `K${town.code.slice(0, 9)}`, name: `${town.name}政务服务一体机`, location: `${town.name}党群服务中心`, regionCode: town.code });
    seeded.counters.kiosks++;
  }
  return hall.id;
}

/**
 * Demo staff: one account per role, plus a county-scoped administrator to show scoping. The clerk
 * and the approver work for every department of the city, so every published demo item can be
 * taken from acceptance to decision by demo accounts (a city's demo shows its services, not its
 * org chart); the department administrator and the finance officer stay narrowed to their
 * department (the finance officer also to each department collecting fees at a payment step,
 * granted once the catalogue is loaded: `grantCollectingDepartments`).
 */
function demoStaff(city: CitySetting, firstCounty: { code: string; name: string }, firstTown: { code: string }) {
  const at = (abbr: string, region = city.code) => `${region}/${abbr}`;
  return [
    { username: 'admin', name: '系统管理员', role: 'administrator', region: city.code, dept: at('ZSJ'), narrow: false },
    { username: 'countyadmin', name: `${firstCounty.name}管理员`, role: 'administrator', region: firstCounty.code, dept: at('ZSJ', firstCounty.code), narrow: false },
    { username: 'deptadmin', name: '市场监管局管理员', role: 'department_admin', region: city.code, dept: at('SCJGJ'), narrow: true },
    { username: 'clerk', name: '综合窗口受理员', role: 'window_clerk', region: city.code, dept: at('ZSJ'), narrow: false },
    { username: 'approver', name: '审批员', role: 'approver', region: city.code, dept: at('SCJGJ'), narrow: false },
    { username: 'hotline', name: '12345话务员', role: 'hotline_agent', region: city.code, dept: at('ZSJ'), narrow: false },
    { username: 'grid', name: '网格员', role: 'grid_worker', region: firstTown.code, dept: at('ZSJ', firstCounty.code), narrow: false },
    { username: 'dataofficer', name: '首席数据官', role: 'data_officer', region: city.code, dept: at('ZSJ'), narrow: false },
    { username: 'leader', name: '市领导', role: 'leader', region: city.code, dept: at('BGS'), narrow: false },
    { username: 'finance', name: '市场监管局财务人员', role: 'finance_officer', region: city.code, dept: at('SCJGJ'), narrow: true },
  ] satisfies { username: string; name: string; role: Role; region: string; dept: string; narrow: boolean }[];
}

/**
 * Set up a city: its regions from the division dataset, its departments, halls, windows and
 * kiosks, the working-day calendar, and demo accounts. Synthetic people only.
 */
export async function seedCity(db: Db, masterKey: string, cityCode: string, options: { calendarYears?: number[] } = {}): Promise<SeedSummary> {
  const info = seedableCity(cityCode);
  const existing = await getSetting<CitySetting>(db, CITY_SETTING);
  if (existing) throw new AppError('CITY_ALREADY_SET_UP', 409, { code: existing.code, name: existing.name }, existing);

  const city: CitySetting = { code: info.code, name: info.name };
  const divisions = await readDivisions(info);
  const pii = personalData(masterKey);
  const seeded: Seeded = { departments: new Map(), counters: { departments: 0, halls: 0, windows: 0, kiosks: 0 } };
  const below = divisions.filter((d) => d.code.startsWith(regionPrefix(city.code)) && d.code !== city.code);
  const counties = info.level === 2 ? below.filter((d) => d.level === 3) : [];
  const townsOf = (code: string) => below.filter((d) => d.level === 4 && d.code.startsWith(regionPrefix(code)));
  const staff = demoStaff(city, counties[0] ?? city, townsOf(city.code)[0] ?? city);
  await db.transaction(async (tx) => {
    await insertRegions(tx, divisions);
    await putSetting(tx, CITY_SETTING, city);
    const org: OrgSetup = { tx, admin: seedAdministrator(city.code), seeded };
    const cityGov = await addDepartment(org, city.code, CITY_DEPARTMENTS[0]!, { city: city.name, county: '' }, null);
    const cityTemplates = CITY_DEPARTMENTS.slice(1);
    for (const t of cityTemplates.filter((d) => !d.addedLater)) await addDepartment(org, city.code, t, { city: city.name, county: '' }, cityGov);
    for (const county of counties) {
      for (const t of COUNTY_DEPARTMENTS) {
        const parent = seeded.departments.get(`${city.code}/${t.abbr}`) ?? null;
        await addDepartment(org, county.code, t, { city: city.name, county: county.name }, parent);
      }
    }
    for (const t of cityTemplates.filter((d) => d.addedLater)) await addDepartment(org, city.code, t, { city: city.name, county: '' }, cityGov);
    const cityTowns = info.level === 2 ? [] : townsOf(city.code);
    await addHall(org, city.code, city.name, cityTowns);
    for (const county of counties) await addHall(org, county.code, county.name, townsOf(county.code));

    const staffAccounts = staffStore(pii);
    for (const [i, s] of staff.entries()) {
      const departmentId = seeded.departments.get(s.dept) ?? null;
      const created = await staffAccounts.create(within(tx), org.admin, {
        username: s.username,
        name: s.name,
        departmentId,
        regionCode: s.region,
        phone: `1390766${String(1000 + i).padStart(4, '0')}`,
        password: DEMO_PASSWORD_PREFIX + s.username,
      } satisfies StaffCreate);
      const grant = { role: s.role, regionCode: s.region, departmentId: s.narrow ? departmentId : null };
      await setStaffRoles(within(tx), staffAccounts, org.admin, created.id, [grant]);
    }
    await appendAudit(tx, systemActor('seed'), {
      action: 'city.setup',
      objectType: 'city',
      objectId: city.code,
      regionCode: city.code,
      details: { regions: divisions.length, ...seeded.counters },
    });
  });

  const firstCounty = counties[0]?.code ?? city.code;
  const password = `${DEMO_PASSWORD_PREFIX}citizen`;
  const people = DEMO_PEOPLE.map((p, i) => ({ name: p.name, idNumber: demoIdNumber(firstCounty, p.birthDate, i), birthDate: isoDate(p.birthDate), phone: p.phone, assuranceLevel: p.assuranceLevel }));
  const unregistered = DEMO_UNREGISTERED.map((p, i) => ({ name: p.name, idNumber: demoIdNumber(firstCounty, p.birthDate, DEMO_PEOPLE.length + i), birthDate: isoDate(p.birthDate) }));
  await seedIdentityDemo(db, pii, {
    regionCode: firstCounty,
    password,
    people,
    unregistered,
    // 李浮生 is the legal representative, 陈小云 an authorised agent (经办人)
    enterprise: { uscc: demoEnterpriseUscc(firstCounty, 1), name: `${city.name}云石科技有限公司`, legalRep: 1, agents: [0] },
    legalEntities: demoLegalEntities(city.name, firstCounty, people),
  });
  const citizens = people.map((p) => ({ name: p.name, phone: p.phone, password }));

  // The service-item catalogue (events, indicators and cases read it).
  await seedCatalog(db, city.code);
  await grantCollectingDepartments(db, pii, seedAdministrator(city.code), 'finance');

  let calendarDays = 0;
  for (const year of options.calendarYears ?? defaultCalendarYears()) {
    const imported = await importYear(db, year);
    calendarDays += imported.holidays + imported.workdays;
  }

  return {
    city,
    regions: divisions.length,
    ...seeded.counters,
    accounts: staff.map((s) => ({
      username: s.username,
      password: DEMO_PASSWORD_PREFIX + s.username,
      role: s.role,
      scope: s.region,
    })),
    citizens,
    calendarDays,
  };
}

function defaultCalendarYears(): number[] {
  const year = Number(clock.today().slice(0, 4));
  return [year - 1, year, year + 1];
}

/**
 * The stand-in 法人库 (synthetic records): the demo enterprise under 李浮生; an enterprise under
 * 陈小云 not registered on the platform yet (registering it is proven at once); and a
 * deregistered one under 陈小云 (registering it is refused). Any other valid code registers as pending.
 */
export function demoLegalEntities(cityName: string, county: string, people: { name: string; idNumber: string }[]) {
  const [chen, li] = [people[0]!, people[1]!];
  return [
    { uscc: demoEnterpriseUscc(county, 1), name: `${cityName}云石科技有限公司`, legalRepName: li.name, legalRepIdNumber: li.idNumber },
    { uscc: demoEnterpriseUscc(county, 2), name: `${cityName}小云茶饮有限公司`, legalRepName: chen.name, legalRepIdNumber: chen.idNumber },
    { uscc: demoEnterpriseUscc(county, 3), name: `${cityName}旧城贸易有限公司`, legalRepName: chen.name, legalRepIdNumber: chen.idNumber, status: 'cancelled' as const },
  ];
}
