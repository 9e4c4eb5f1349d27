import { idNumberCheckChar } from '../kernel/validate/idcard.ts';
import { assignUscc } from '../kernel/validate/uscc.ts';
import { HALL_POSITIONS } from './hall-positions.ts';
import { DEMO_PEOPLE, DEMO_UNREGISTERED, demoIdNumber, isoDate } from './people.ts';
import { personName, pick, rng } from './random.ts';

/**
 * The demo city's base libraries (基础库), generated: synthetic people, enterprises, addresses and
 * social-insurance records, deterministic for a city, no real persons. The demo citizens and the
 * demo enterprises are among them under the ID numbers and codes the rest of the demo uses, so
 * identity's checks (fed by the population and legal-entity libraries) know them. A few rows
 * break the quality rules on purpose (an empty 民族, a 户籍地 that is no region code), so the
 * quality page has findings to show.
 */

const ROADS = [
  '人民路',
  '建设路',
  '解放路',
  '新华街',
  '中山路',
  '东风路',
  '滨江路',
  '朝阳路',
  '文明路',
  '北山路',
  '工业大道',
  '迎宾大道',
];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '瑶族', '壮族'];
const WORDS = [
  '恒达',
  '锦绣',
  '华南',
  '粤西',
  '鸿运',
  '嘉和',
  '新宇',
  '盛丰',
  '晨光',
  '泰和',
  '兴业',
  '永安',
  '金石',
  '绿源',
  '云帆',
  '南方',
];
const TRADES = [
  ['科技有限公司', '软件开发；信息技术咨询服务'],
  ['贸易有限公司', '日用百货销售；五金产品批发'],
  ['餐饮管理有限公司', '餐饮服务；食品销售'],
  ['建材有限公司', '建筑材料销售；砼结构构件制造'],
  ['农业发展有限公司', '蔬菜种植；农产品初加工'],
  ['石材加工厂', '石材加工、销售'],
  ['物流有限公司', '普通货物道路运输；仓储服务'],
];

export interface Region {
  code: string;
  name: string;
}

export interface DemoLibraries {
  population: Record<string, unknown>[];
  socialInsurance: Record<string, unknown>[];
  enterprises: Record<string, unknown>[];
  legalReps: Record<string, unknown>[];
  addresses: Record<string, unknown>[];
}

type DemoEnterprise = {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  status?: 'active' | 'revoked' | 'cancelled';
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function birthDate(r: () => number): string {
  const y = 1932 + Math.floor(r() * 88);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}${pad(m, 2)}${pad(d, 2)}`;
}

/**
 * `perCounty` people in each county (with its towns as 户籍地), the demo citizens in the first
 * county; a social-insurance record for most working-age adults; `enterprisesPerCounty`
 * enterprises with legal representatives among the people; `addressesPerCounty` standard
 * addresses around the county's service centre.
 */
export function demoLibraries(
  cityName: string,
  counties: { county: Region; towns: Region[] }[],
  demo: { enterprises: DemoEnterprise[] },
  sizes = { perCounty: 300, enterprisesPerCounty: 30, addressesPerCounty: 60 },
): DemoLibraries {
  const r = rng(20261207);
  const first = counties[0]!;
  const population: Record<string, unknown>[] = [];
  const seq = new Map<string, number>();
  const person = (county: Region, town: Region, name: string, birth: string, idNumber?: string, status = '正常') => {
    const key = `${county.code.slice(0, 6)}${birth}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    // sequence codes below 900: the demo citizens have 900 and up
    const first17 = `${key}${pad(n * 2 - (r() < 0.5 ? 1 : 0), 3)}`;
    const id = idNumber ?? first17 + idNumberCheckChar(first17);
    const row = {
      id_number: id,
      name,
      gender: Number(id[16]) % 2 === 1 ? '男' : '女',
      birth_date: isoDate(birth),
      ethnicity: pick(r, ETHNIC),
      household_address: `${cityName}${county.name}${town.name}${pick(r, ROADS)}${1 + Math.floor(r() * 200)}号`,
      household_region: town.code,
      status,
    };
    population.push(row);
    return row;
  };

  const demoPeople = [...DEMO_PEOPLE, ...DEMO_UNREGISTERED].map((p, i) =>
    person(first.county, first.towns[0] ?? first.county, p.name, p.birthDate, demoIdNumber(first.county.code, p.birthDate, i)),
  );
  for (const row of demoPeople) row.household_region = first.county.code;
  for (const { county, towns } of counties) {
    for (let i = 0; i < sizes.perCounty; i++) {
      const status = r() < 0.01 ? '死亡' : '正常';
      const name = personName(r);
      person(county, pick(r, towns.length ? towns : [county]), name, birthDate(r), undefined, status);
    }
  }
  // the quality rules' findings to show: two rows without 民族, one 户籍地 that is no region code
  population[demoPeople.length + 3]!.ethnicity = '';
  population[demoPeople.length + 7]!.ethnicity = '';
  population[demoPeople.length + 11]!.household_region = String(population[demoPeople.length + 11]!.household_region).slice(0, 6);

  const adults = population.filter((p) => p.status === '正常' && String(p.birth_date) <= '2006-12-31');
  // the demo citizens are all insured: the items whose materials the social-insurance library replaces (免提交) work for them
  const demoIds = new Set<unknown>(demoPeople.map((p) => p.id_number));
  const socialInsurance = adults
    .filter((p) => r() < 0.7 || demoIds.has(p.id_number))
    .map((p) => {
      const retired = String(p.birth_date) < '1966-01-01';
      return {
        id_number: p.id_number,
        name: p.name,
        // 险种类型代码: 110 企业职工基本养老保险, 170 城乡居民基本养老保险
        insurance_kind: r() < 0.6 ? '110' : '170',
        status: retired ? '领取' : r() < 0.9 ? '缴费' : '暂停',
        employer_uscc: '',
        since: `${2000 + Math.floor(r() * 24)}-${pad(1 + Math.floor(r() * 12), 2)}-01`,
        social_security_card: `${pick(r, ['M', 'N', 'P'])}${pad(Math.floor(r() * 1e8), 8)}`,
      };
    });

  const enterprises: Record<string, unknown>[] = [];
  const legalReps: Record<string, unknown>[] = [];
  const enterprise = (e: {
    uscc: string;
    name: string;
    rep: { name: string; idNumber: string };
    status: string;
    county: Region;
    trade: readonly string[];
    established: string;
  }) => {
    enterprises.push({
      uscc: e.uscc,
      name: e.name,
      type: e.name.endsWith('厂') ? '个体工商户' : '有限责任公司（自然人投资或控股）',
      legal_representative: e.rep.name,
      address: `${cityName}${e.county.name}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号`,
      established_on: e.established,
      status: e.status,
      business_scope: e.trade[1],
    });
    legalReps.push({
      uscc: e.uscc,
      name: e.name,
      legal_representative: e.rep.name,
      legal_rep_id_number: e.rep.idNumber,
      status: e.status,
    });
  };
  const STATUS = { active: '存续', revoked: '吊销', cancelled: '注销' } as const;
  for (const e of demo.enterprises) {
    const rep = { name: e.legalRepName, idNumber: e.legalRepIdNumber };
    enterprise({
      uscc: e.uscc,
      name: e.name,
      rep,
      status: STATUS[e.status ?? 'active'],
      county: first.county,
      trade: TRADES[0]!,
      established: '2019-04-18',
    });
  }
  for (const { county } of counties) {
    for (let i = 0; i < sizes.enterprisesPerCounty; i++) {
      const rep = pick(r, adults);
      const trade = pick(r, TRADES);
      const seed = Uint8Array.from({ length: 8 }, () => Math.floor(r() * 256));
      const status = r() < 0.05 ? '注销' : r() < 0.03 ? '吊销' : '存续';
      enterprise({
        uscc: assignUscc('9', '1', county.code.slice(0, 6), seed),
        name: `${cityName}${pick(r, WORDS)}${pick(r, WORDS)}${trade[0]}`,
        rep: { name: String(rep.name), idNumber: String(rep.id_number) },
        status,
        county,
        trade,
        established: `${2008 + Math.floor(r() * 17)}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`,
      });
    }
  }
  const employers = enterprises.filter((e) => e.status === '存续');
  for (const s of socialInsurance)
    if (s.insurance_kind === '110' && employers.length) s.employer_uscc = String(pick(r, employers).uscc);

  const addresses: Record<string, unknown>[] = [];
  for (const { county, towns } of counties) {
    const centre = HALL_POSITIONS[county.code] ?? { latitude: 22.93, longitude: 112.04 };
    for (let i = 0; i < sizes.addressesPerCounty; i++) {
      const town = pick(r, towns.length ? towns : [county]);
      addresses.push({
        address_code: `${town.code.slice(0, 9)}${pad(i + 1, 7)}`,
        full_address: `${cityName}${county.name}${town.name}${pick(r, ROADS)}${1 + Math.floor(r() * 300)}号`,
        region_code: town.code,
        longitude: Math.round((centre.longitude + (r() - 0.5) * 0.12) * 1e6) / 1e6,
        latitude: Math.round((centre.latitude + (r() - 0.5) * 0.12) * 1e6) / 1e6,
      });
    }
  }
  return { population, socialInsurance, enterprises, legalReps, addresses };
}
