import type { DepartmentRef } from '../modules/org/index.ts';
import { regionLevel } from '../kernel/region-code.ts';
import { syntheticContent, type SyntheticItem } from './catalog-synthetic.ts';
import { rng } from './random.ts';

/**
 * A deterministic generator of synthetic item lists for benchmarks (search latency, loading,
 * indicators over a large catalogue): rows of the import template (docs/catalog-template.md)
 * for the departments given, varied in name, department, region, type and content, with valid
 * codes (Guangdong local catalogue `44`, main numbers 5000+ so they never collide with the demo
 * catalogue) that pass the quality rules.
 */

type Subject = { nouns: string[]; person: string[]; entity: string[] };

/** What each department's items are about (subject nouns), and whom they serve; by department abbreviation. */
const SUBJECTS: Record<string, Subject> = {
  BGS: { nouns: ['政府信息', '政务公开资料', '行政规范性文件'], person: ['legal_service'], entity: ['other'] },
  FGJ: { nouns: ['企业投资项目', '政府投资项目', '固定资产投资项目', '粮食收购', '价格认定', '重点项目'], person: ['other'], entity: ['construction', 'finance_support'] },
  JYJ: { nouns: ['民办学校', '幼儿园', '中小学生学籍', '教师资格', '校外培训机构', '学生资助', '普通话水平测试'], person: ['education'], entity: ['education'] },
  KJJ: { nouns: ['科技计划项目', '科技企业孵化器', '技术合同', '新型研发机构', '科技特派员', '外国人工作许可'], person: ['employment'], entity: ['qualification', 'finance_support'] },
  GXJ: { nouns: ['工业企业技术改造', '中小企业', '工业园区', '清洁生产审核', '无线电台站', '民用爆炸物品'], person: ['other'], entity: ['finance_support', 'qualification'] },
  GAJ: {
    nouns: ['户口', '居民身份证', '居住证', '机动车', '驾驶证', '出入境证件', '旅馆业', '公章刻制', '犬只', '保安服务', '烟花爆竹运输'],
    person: ['household', 'travel', 'exit_entry'],
    entity: ['start_business', 'safety'],
  },
  MZJ: {
    nouns: ['婚姻登记', '最低生活保障', '特困人员', '临时救助', '社会团体', '民办非企业单位', '养老机构', '殡葬服务', '地名', '残疾人补贴', '慈善组织'],
    person: ['marriage', 'social_assistance', 'pension', 'death'],
    entity: ['social_organization'],
  },
  SFJ: { nouns: ['法律援助', '人民调解', '公证', '司法鉴定', '基层法律服务', '律师执业'], person: ['legal_service'], entity: ['other'] },
  CZJ: { nouns: ['代理记账', '政府采购', '会计人员', '非税收入', '财政票据'], person: ['other'], entity: ['qualification', 'tax'] },
  RSJ: {
    nouns: ['社会保障卡', '养老保险', '失业保险', '工伤保险', '就业登记', '职业技能', '人力资源服务', '劳务派遣', '劳动争议', '创业补贴', '技工院校'],
    person: ['social_insurance', 'employment', 'pension'],
    entity: ['employment'],
  },
  ZRZYJ: {
    nouns: ['不动产', '国有建设用地', '建设工程规划', '乡村建设规划', '临时用地', '测绘', '地质灾害', '采矿权', '宅基地'],
    person: ['property', 'housing'],
    entity: ['construction', 'property'],
  },
  STHJJ: { nouns: ['建设项目环境影响评价', '排污许可', '危险废物', '辐射安全', '机动车排气检测', '污染源'], person: ['other'], entity: ['environment'] },
  ZJJ: {
    nouns: ['建筑工程施工', '商品房预售', '房屋交易', '公共租赁住房', '建筑业企业资质', '燃气经营', '物业服务', '住宅专项维修资金', '房屋安全鉴定'],
    person: ['housing', 'property'],
    entity: ['construction', 'property'],
  },
  JTJ: {
    nouns: ['道路旅客运输', '道路货物运输', '网络预约出租汽车', '机动车维修', '驾驶员培训', '公路超限运输', '港口经营', '水路运输', '公交线路'],
    person: ['travel'],
    entity: ['transport'],
  },
  SWJ: { nouns: ['取水', '河道管理', '水土保持', '排水', '供水', '水利工程', '农村饮水'], person: ['housing'], entity: ['environment', 'construction'] },
  NYJ: {
    nouns: ['农药经营', '兽药经营', '动物防疫', '农作物种子', '渔业捕捞', '农业机械', '耕地地力保护', '生猪屠宰', '家庭农场'],
    person: ['agriculture'],
    entity: ['agriculture'],
  },
  SWUJ: { nouns: ['单用途商业预付卡', '再生资源回收', '汽车以旧换新', '家电以旧换新', '商贸流通企业', '外商投资企业'], person: ['other'], entity: ['trade'] },
  WGLTJ: {
    nouns: ['娱乐场所', '营业性演出', '互联网上网服务', '旅行社', '高危险性体育项目', '文物保护', '艺术品经营', '公共图书馆', '体育场馆'],
    person: ['culture'],
    entity: ['culture_tourism'],
  },
  WJJ: {
    nouns: ['医疗机构', '医师执业', '护士执业', '公共场所卫生', '出生医学证明', '放射诊疗', '母婴保健', '职业健康', '生活饮用水'],
    person: ['medical', 'birth'],
    entity: ['health'],
  },
  TYJRJ: { nouns: ['退役军人', '优抚对象', '义务兵家庭', '烈士褒扬', '光荣牌', '军休干部'], person: ['veterans'], entity: ['other'] },
  YJJ: { nouns: ['危险化学品', '烟花爆竹', '生产安全事故应急预案', '安全生产', '自然灾害救助', '非煤矿山'], person: ['social_assistance'], entity: ['safety'] },
  SJJ: { nouns: ['内部审计', '审计整改'], person: ['other'], entity: ['other'] },
  GZW: { nouns: ['国有资产产权', '国有企业投资', '国有资产评估'], person: ['other'], entity: ['other'] },
  SCJGJ: {
    nouns: ['企业', '个体工商户', '农民专业合作社', '食品经营', '食品生产', '药品零售', '医疗器械', '特种设备', '计量器具', '广告', '商标', '专利'],
    person: ['employment'],
    entity: ['start_business', 'food_drug', 'qualification'],
  },
  TJJ: { nouns: ['统计调查项目', '统计资料', '统计执法'], person: ['other'], entity: ['other'] },
  YBJ: {
    nouns: ['城乡居民医保', '异地就医', '门诊特定病种', '医疗费用报销', '生育保险', '医疗救助', '定点医药机构', '长期护理保险'],
    person: ['medical'],
    entity: ['health'],
  },
  LYJ: { nouns: ['林木采伐', '使用林地', '野生动物', '林草种子', '森林防火', '古树名木'], person: ['agriculture'], entity: ['agriculture'] },
  SWUJU: {
    nouns: ['发票', '个人所得税', '契税', '车辆购置税', '社会保险费', '增值税', '印花税', '房产税', '环境保护税'],
    person: ['other'],
    entity: ['tax'],
  },
  ZSJ: { nouns: ['公共数据', '政务服务', '电子证照', '政务服务好差评'], person: ['other'], entity: ['other'] },
  CGJ: { nouns: ['城市建筑垃圾', '户外广告', '城市道路', '城市树木', '生活垃圾', '占道经营', '违法建设'], person: ['housing'], entity: ['construction', 'environment'] },
  MZZJJ: { nouns: ['宗教活动场所', '宗教临时活动地点', '宗教教职人员', '少数民族'], person: ['culture'], entity: ['social_organization'] },
  GJJ: { nouns: ['住房公积金', '公积金贷款', '公积金缴存', '公积金账户'], person: ['housing'], entity: ['employment'] },
  XFJ: { nouns: ['信访事项', '信访复查'], person: ['legal_service'], entity: ['other'] },
};
/** For a department the table does not know (another city's). */
const GENERIC: Subject = { nouns: ['政务服务', '行政事务'], person: ['other'], entity: ['other'] };

const ACTIONS: Record<string, string[]> = {
  '01': ['许可', '审批', '核发', '许可（新办）', '许可（变更）', '许可（延续）', '许可（注销）', '核准'],
  '02': ['违法行为的行政处罚'],
  '03': ['相关物品的查封、扣押'],
  '04': ['相关费用征收'],
  '05': ['补贴申领', '补助发放', '津贴申领', '奖励扶助金发放'],
  '06': ['监督检查'],
  '07': ['登记', '认定', '确认', '核定', '变更登记', '注销登记'],
  '08': ['奖励'],
  '09': ['纠纷行政裁决'],
  '20': ['备案', '审核', '信息变更备案', '年度报告'],
  '21': ['查询', '证明开具', '服务申请', '信息变更', '预约服务', '咨询'],
};
const TYPE_WEIGHTS: [string, number][] = [
  ['01', 34],
  ['07', 14],
  ['21', 18],
  ['20', 12],
  ['05', 8],
  ['02', 4],
  ['06', 3],
  ['03', 2],
  ['04', 2],
  ['08', 2],
  ['09', 1],
];
const QUALIFIERS = ['', '', '', '', '（市级权限）', '（县级权限）', '（个人）', '（单位）', '（跨区域）', '（告知承诺）', '（网上办理）'];
const COLLOQUIAL = ['怎么办', '在哪办', '要什么材料', '网上办', '多久办好', '要钱吗'];
const VISIT_REASONS = ['需现场核验申请材料原件', '需本人到场核验身份并签署相关文书', '需进行现场核查，并由申请人现场签收结果', '需申请人到场签署合同、承诺书等文书'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function weighted<T>(r: () => number, xs: [T, number][]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs[xs.length - 1]![0];
}

/** Deterministic synthetic item rows: the same (n, departments, seed) always yields the same list. */
export function generateRows(n: number, departments: DepartmentRef[], seed = 1): Record<string, unknown>[] {
  if (!Number.isInteger(n) || n < 0) throw new Error('n must be a non-negative integer');
  if (n > 4_000_000) throw new Error('n too large for the code space');
  const byRegion = new Map<string, DepartmentRef[]>();
  for (const d of [...departments].sort((a, b) => a.code.localeCompare(b.code))) byRegion.set(d.regionCode, [...(byRegion.get(d.regionCode) ?? []), d]);
  const regions = [...byRegion.keys()].sort();
  const city = regions.find((code) => regionLevel(code) === 2) ?? regions[0];
  const counties = regions.filter((code) => code !== city);
  if (!city) throw new Error('no departments to generate items for');
  const r = rng(seed);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const region = counties.length && r() < 0.4 ? pick(r, counties) : city;
    const department = pick(r, byRegion.get(region)!);
    const subject = SUBJECTS[department.code.slice(department.code.indexOf('-') + 1)] ?? GENERIC;
    const type = weighted(r, TYPE_WEIGHTS);
    const noun = pick(r, subject.nouns);
    const action = pick(r, ACTIONS[type]!);
    const qualifier = pick(r, QUALIFIERS);
    const entity = type === '01' || type === '20' ? r() < 0.7 : r() < 0.3;
    const depth = weighted<1 | 2 | 3 | 4>(r, [
      [4, 60],
      [3, 25],
      [2, 10],
      [1, 5],
    ]);
    const statutory = pick(r, [0, 1, 3, 5, 10, 15, 20, 30, 45, 60]);
    const promised = statutory === 0 ? 0 : Math.max(0, Math.floor(statutory * pick(r, [0, 0.25, 0.5, 0.75, 1])));
    const visits = depth === 4 ? 0 : depth === 3 && r() < 0.4 ? 0 : r() < 0.9 ? 1 : 2;
    const hf = r() < 0.15;
    const item: SyntheticItem = {
      code: `440${LETTERS[type]}${String(5000 + (i % 4999)).padStart(4, '0')}${String(1 + Math.floor(i / 4999)).padStart(3, '0')}000-${region}-000-${department.uscc}-1-00`,
      department,
      level: region === city ? '3' : '4',
      type,
      name: type === '02' || type === '06' ? `对${noun}${action}${qualifier}` : `${noun}${action}${qualifier}`,
      noun,
      action,
      qualifier,
      colloquial: pick(r, COLLOQUIAL),
      entity,
      broadEntity: entity && r() >= 0.5,
      depth,
      statutory,
      promised,
      visits,
      visitReason: visits > 0 ? pick(r, VISIT_REASONS) : '无',
      hf,
      fee: r() < 0.08 ? { amountFen: pick(r, [1000, 2000, 4000, 8000]), reducible: r() < 0.5 } : undefined,
      extraMaterials: Array.from({ length: 1 + Math.floor(r() * 3) }, () => Math.floor(r() * 6)),
      reasonField: r() < 0.6,
      locationField: r() < 0.3,
      crossProvince: hf && r() < 0.4,
      kiosk: r() < 0.1,
      commitment: type === '01' && r() < 0.3,
      instant: promised === 0 && depth === 4 && r() < 0.5,
      theme: entity ? pick(r, subject.entity) : pick(r, subject.person),
      popularity: Math.floor(Math.pow(r(), 3) * 100),
    };
    rows.push(syntheticContent(item));
  }
  return rows;
}

/** Type letters inside item codes, as catalog_item_type has them. */
const LETTERS: Record<string, string> = { '01': 'A', '02': 'B', '03': 'C', '04': 'D', '05': 'E', '06': 'F', '07': 'G', '08': 'H', '09': 'I', '20': 'J', '21': 'K' };
