import { centralUscc, demoUscc } from '../../../../seed/uscc.ts';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS } from '../../../../seed/departments.ts';
import type { DemoBaseField, DemoLicenseType } from '../types.ts';

/** The demo city: 云浮市 and its counties (ordered by code, as the seed inserts them). */
export const CITY = { code: '445300000000', name: '云浮市' } as const;
export const COUNTIES = [
  { code: '445302000000', name: '云城区' },
  { code: '445303000000', name: '云安区' },
  { code: '445321000000', name: '新兴县' },
  { code: '445322000000', name: '郁南县' },
  { code: '445381000000', name: '罗定市' },
] as const;

/**
 * The USCC the seed gives a department: city departments are numbered 1… in CITY_DEPARTMENTS
 * order, then each county's COUNTY_DEPARTMENTS in county-code order.
 */
export function departmentUscc(regionCode: string, abbr: string): string {
  if (regionCode === CITY.code) {
    const i = CITY_DEPARTMENTS.findIndex((d) => d.abbr === abbr);
    if (i < 0) throw new Error(`unknown city department ${abbr}`);
    return demoUscc(regionCode, i + 1);
  }
  const c = COUNTIES.findIndex((x) => x.code === regionCode);
  const j = COUNTY_DEPARTMENTS.findIndex((d) => d.abbr === abbr);
  if (c < 0 || j < 0) throw new Error(`unknown county department ${regionCode}/${abbr}`);
  return demoUscc(regionCode, CITY_DEPARTMENTS.length + c * COUNTY_DEPARTMENTS.length + j + 1);
}

export function departmentName(regionCode: string, abbr: string): string {
  if (regionCode === CITY.code) {
    const t = CITY_DEPARTMENTS.find((d) => d.abbr === abbr);
    if (!t) throw new Error(`unknown city department ${abbr}`);
    return t.name.replace('{city}', CITY.name);
  }
  const county = COUNTIES.find((x) => x.code === regionCode);
  const t = COUNTY_DEPARTMENTS.find((d) => d.abbr === abbr);
  if (!county || !t) throw new Error(`unknown county department ${regionCode}/${abbr}`);
  return t.name.replace('{city}', CITY.name).replace('{county}', county.name);
}

/**
 * Synthetic consultation and complaint lines per department (0766 is 云浮's area code). The
 * complaint line is the department's 监督电话, never the same as its 咨询电话.
 */
export const DEPARTMENT_PHONES: Record<string, { consult: string; complaint: string }> = {
  BGS: { consult: '0766-8201001', complaint: '0766-8201009' },
  FGJ: { consult: '0766-8202101', complaint: '0766-8202109' },
  JYJ: { consult: '0766-8203101', complaint: '0766-8203109' },
  KJJ: { consult: '0766-8204101', complaint: '0766-8204109' },
  GXJ: { consult: '0766-8205101', complaint: '0766-8205109' },
  GAJ: { consult: '0766-8206101', complaint: '0766-8206109' },
  MZJ: { consult: '0766-8207101', complaint: '0766-8207109' },
  SFJ: { consult: '0766-8208101', complaint: '0766-8208109' },
  CZJ: { consult: '0766-8209101', complaint: '0766-8209109' },
  RSJ: { consult: '0766-8210101', complaint: '0766-8210109' },
  ZRZYJ: { consult: '0766-8211101', complaint: '0766-8211109' },
  STHJJ: { consult: '0766-8212101', complaint: '0766-8212109' },
  ZJJ: { consult: '0766-8213101', complaint: '0766-8213109' },
  JTJ: { consult: '0766-8214101', complaint: '0766-8214109' },
  SWJ: { consult: '0766-8215101', complaint: '0766-8215109' },
  NYJ: { consult: '0766-8216101', complaint: '0766-8216109' },
  SWUJ: { consult: '0766-8217101', complaint: '0766-8217109' },
  WGLTJ: { consult: '0766-8218101', complaint: '0766-8218109' },
  WJJ: { consult: '0766-8219101', complaint: '0766-8219109' },
  TYJRJ: { consult: '0766-8220101', complaint: '0766-8220109' },
  YJJ: { consult: '0766-8221101', complaint: '0766-8221109' },
  SJJ: { consult: '0766-8222101', complaint: '0766-8222109' },
  GZW: { consult: '0766-8223101', complaint: '0766-8223109' },
  SCJGJ: { consult: '0766-8224101', complaint: '0766-8224109' },
  TJJ: { consult: '0766-8225101', complaint: '0766-8225109' },
  YBJ: { consult: '0766-8226101', complaint: '0766-8226109' },
  LYJ: { consult: '0766-8227101', complaint: '0766-8227109' },
  SWUJU: { consult: '0766-8228101', complaint: '0766-8228109' },
  ZSJ: { consult: '0766-8229101', complaint: '0766-8229109' },
  CGJ: { consult: '0766-8230101', complaint: '0766-8230109' },
  MZZJJ: { consult: '0766-8231101', complaint: '0766-8231109' },
  GJJ: { consult: '0766-8232101', complaint: '0766-8232109' },
  XFJ: { consult: '0766-8233101', complaint: '0766-8233109' },
};

/** County departments answer on their own lines: the county's digit replaces the third digit group. */
export function departmentPhones(regionCode: string, abbr: string): { consult: string; complaint: string } {
  const city = DEPARTMENT_PHONES[abbr];
  if (!city) throw new Error(`no phones for ${abbr}`);
  const c = COUNTIES.findIndex((x) => x.code === regionCode);
  if (c < 0) return city;
  const county = String(c + 3); // 3..7
  const swap = (p: string) => `0766-${county}${p.slice(6)}`;
  return { consult: swap(city.consult), complaint: swap(city.complaint) };
}

// ---------------------------------------------------------------------------------------------
// Licence types (证照类型). Codes: defining body's USCC + 3-digit sequence, per STANDARDS.md §1.3.
// The defining bodies' USCCs here are synthetic (well-formed, central-level region 100000).
// ---------------------------------------------------------------------------------------------

/** Synthetic USCCs of the national bodies that define licence types. */
const DEFINER = {
  mps: centralUscc(1001), // 公安部
  mca: centralUscc(1002), // 民政部
  mohrss: centralUscc(1003), // 人力资源社会保障部
  samr: centralUscc(1004), // 市场监管总局
  mnr: centralUscc(1005), // 自然资源部
  mohurd: centralUscc(1006), // 住房城乡建设部
  mot: centralUscc(1007), // 交通运输部
  nhc: centralUscc(1008), // 国家卫生健康委
  moe: centralUscc(1009), // 教育部
  mee: centralUscc(1010), // 生态环境部
  mwr: centralUscc(1011), // 水利部
  moa: centralUscc(1012), // 农业农村部
  nfga: centralUscc(1013), // 国家林草局
  mem: centralUscc(1014), // 应急管理部
  mct: centralUscc(1015), // 文化和旅游部
  mva: centralUscc(1016), // 退役军人事务部
  cdpf: centralUscc(1017), // 中国残联
  mof: centralUscc(1018), // 财政部
  nmpa: centralUscc(1019), // 国家药监局
  sport: centralUscc(1020), // 国家体育总局
  most: centralUscc(1021), // 科技部
  mofcom: centralUscc(1022), // 商务部
  moj: centralUscc(1023), // 司法部
};

const lt = (definer: keyof typeof DEFINER, seq: number) => `${DEFINER[definer]}${String(seq).padStart(3, '0')}`;

/** Licence type codes by a short name used in the content. */
export const LT = {
  ID_CARD: lt('mps', 1),
  HOUSEHOLD_BOOK: lt('mps', 2),
  RESIDENCE_PERMIT: lt('mps', 3),
  DRIVING_LICENCE: lt('mps', 4),
  VEHICLE_LICENCE: lt('mps', 5),
  PASSPORT: lt('mps', 6),
  HK_MACAO_PERMIT: lt('mps', 7),
  TAIWAN_PERMIT: lt('mps', 8),
  VEHICLE_INSPECTION_MARK: lt('mps', 9),
  SPECIAL_TRADE_PERMIT: lt('mps', 10),
  MARRIAGE_CERT: lt('mca', 1),
  DIVORCE_CERT: lt('mca', 2),
  SOCIAL_GROUP_CERT: lt('mca', 3),
  PRIVATE_NONPROFIT_CERT: lt('mca', 4),
  LOW_INCOME_CERT: lt('mca', 5),
  ADOPTION_CERT: lt('mca', 6),
  SOCIAL_SECURITY_CARD: lt('mohrss', 1),
  HR_SERVICE_LICENCE: lt('mohrss', 2),
  LABOUR_DISPATCH_LICENCE: lt('mohrss', 3),
  EMPLOYMENT_CARD: lt('mohrss', 4),
  SKILL_CERT: lt('mohrss', 5),
  BUSINESS_LICENCE: lt('samr', 1),
  FOOD_BUSINESS_LICENCE: lt('samr', 2),
  FOOD_WORKSHOP_CERT: lt('samr', 3),
  SPECIAL_EQUIPMENT_REGISTRATION: lt('samr', 4),
  DRUG_RETAIL_LICENCE: lt('nmpa', 1),
  DEVICE_II_FILING: lt('nmpa', 2),
  REAL_ESTATE_CERT: lt('mnr', 1),
  REAL_ESTATE_PROOF: lt('mnr', 2),
  LAND_PLANNING_PERMIT: lt('mnr', 3),
  BUILDING_PLANNING_PERMIT: lt('mnr', 4),
  RURAL_PLANNING_PERMIT: lt('mnr', 5),
  SITE_SELECTION_OPINION: lt('mnr', 6),
  CONSTRUCTION_PERMIT: lt('mohurd', 1),
  PRESALE_PERMIT: lt('mohurd', 2),
  CONTRACTOR_QUALIFICATION: lt('mohurd', 3),
  GAS_BUSINESS_LICENCE: lt('mohurd', 4),
  WASTE_DISPOSAL_APPROVAL: lt('mohurd', 5),
  ROAD_TRANSPORT_LICENCE: lt('mot', 1),
  ROAD_TRANSPORT_CERT: lt('mot', 2),
  DRIVER_QUALIFICATION: lt('mot', 3),
  RIDE_HAILING_LICENCE: lt('mot', 4),
  RIDE_HAILING_VEHICLE_CERT: lt('mot', 5),
  TAXI_DRIVER_CERT: lt('mot', 6),
  PORT_LICENCE: lt('mot', 7),
  BIRTH_MEDICAL_CERT: lt('nhc', 1),
  MEDICAL_INSTITUTION_LICENCE: lt('nhc', 2),
  PHYSICIAN_CERT: lt('nhc', 3),
  NURSE_CERT: lt('nhc', 4),
  PUBLIC_PLACE_HYGIENE_LICENCE: lt('nhc', 5),
  WATER_SUPPLY_HYGIENE_LICENCE: lt('nhc', 6),
  RADIATION_DIAGNOSIS_LICENCE: lt('nhc', 7),
  MATERNAL_CARE_LICENCE: lt('nhc', 8),
  TEACHER_QUALIFICATION: lt('moe', 1),
  PRIVATE_SCHOOL_LICENCE: lt('moe', 2),
  GRADUATION_CERT: lt('moe', 3),
  EIA_APPROVAL: lt('mee', 1),
  POLLUTANT_DISCHARGE_PERMIT: lt('mee', 2),
  HAZARDOUS_WASTE_LICENCE: lt('mee', 3),
  RADIATION_SAFETY_LICENCE: lt('mee', 4),
  WATER_ABSTRACTION_LICENCE: lt('mwr', 1),
  DRAINAGE_PERMIT: lt('mohurd', 6),
  PESTICIDE_LICENCE: lt('moa', 1),
  VETERINARY_DRUG_LICENCE: lt('moa', 2),
  ANIMAL_EPIDEMIC_CERT: lt('moa', 3),
  SEED_LICENCE: lt('moa', 4),
  FISHING_LICENCE: lt('moa', 5),
  LOGGING_LICENCE: lt('nfga', 1),
  WILDLIFE_BREEDING_LICENCE: lt('nfga', 2),
  HAZARDOUS_CHEMICALS_LICENCE: lt('mem', 1),
  FIREWORKS_RETAIL_LICENCE: lt('mem', 2),
  SPECIAL_OPERATION_CERT: lt('mem', 3),
  ENTERTAINMENT_LICENCE: lt('mct', 1),
  PERFORMANCE_LICENCE: lt('mct', 2),
  INTERNET_CAFE_LICENCE: lt('mct', 3),
  TRAVEL_AGENCY_LICENCE: lt('mct', 4),
  PUBLICATION_RETAIL_LICENCE: lt('mct', 5),
  HIGH_RISK_SPORTS_LICENCE: lt('sport', 1),
  VETERAN_PREFERENTIAL_CARD: lt('mva', 1),
  DISABILITY_CERT: lt('cdpf', 1),
  BOOKKEEPING_LICENCE: lt('mof', 1),
  FOREIGNER_WORK_PERMIT: lt('most', 1),
  HIGH_TECH_ENTERPRISE_CERT: lt('most', 2),
  AUCTION_LICENCE: lt('mofcom', 1),
  LEGAL_WORKER_LICENCE: lt('moj', 1),
} as const;

type LtKey = keyof typeof LT;

const personFields = {
  holder_name: '持证人姓名',
  holder_id_number: '持证人身份证件号码',
  license_number: '证照编号',
  issue_date: '发证日期',
  issuer: '发证机关',
  valid_until: '有效期至',
};
const entityFields = {
  holder_name: '持证主体名称',
  holder_uscc: '统一社会信用代码',
  license_number: '证照编号',
  issue_date: '发证日期',
  issuer: '发证机关',
  valid_until: '有效期至',
};

function def(
  key: LtKey,
  name: string,
  holder: 'person' | 'entity',
  department: string,
  extra: Record<string, string> = {},
): DemoLicenseType {
  return {
    code: LT[key],
    name,
    holder,
    department,
    fields: { ...(holder === 'person' ? personFields : entityFields), ...extra },
  };
}

export const LICENSE_TYPES: DemoLicenseType[] = [
  def('ID_CARD', '中华人民共和国居民身份证', 'person', 'GAJ', {
    gender: '性别',
    birth_date: '出生日期',
    address: '住址',
    ethnicity: '民族',
  }),
  def('HOUSEHOLD_BOOK', '居民户口簿', 'person', 'GAJ', {
    household_number: '户号',
    household_address: '户籍地址',
    head_name: '户主姓名',
    relationship: '与户主关系',
  }),
  def('RESIDENCE_PERMIT', '广东省居住证', 'person', 'GAJ', { residence_address: '居住地址' }),
  def('DRIVING_LICENCE', '中华人民共和国机动车驾驶证', 'person', 'GAJ', { vehicle_class: '准驾车型', file_number: '档案编号' }),
  def('VEHICLE_LICENCE', '中华人民共和国机动车行驶证', 'person', 'GAJ', {
    plate_number: '号牌号码',
    vehicle_type: '车辆类型',
    vin: '车辆识别代号',
  }),
  def('PASSPORT', '中华人民共和国普通护照', 'person', 'GAJ'),
  def('HK_MACAO_PERMIT', '往来港澳通行证', 'person', 'GAJ'),
  def('TAIWAN_PERMIT', '大陆居民往来台湾通行证', 'person', 'GAJ'),
  def('VEHICLE_INSPECTION_MARK', '机动车检验合格标志', 'person', 'GAJ', { plate_number: '号牌号码' }),
  def('SPECIAL_TRADE_PERMIT', '特种行业许可证', 'entity', 'GAJ', { trade: '行业类别', address: '经营场所' }),
  def('MARRIAGE_CERT', '结婚证', 'person', 'MZJ', {
    spouse_name: '配偶姓名',
    spouse_id_number: '配偶身份证件号码',
    registration_date: '登记日期',
  }),
  def('DIVORCE_CERT', '离婚证', 'person', 'MZJ', { registration_date: '登记日期' }),
  def('SOCIAL_GROUP_CERT', '社会团体法人登记证书', 'entity', 'MZJ', {
    legal_representative: '法定代表人',
    business_scope: '业务范围',
  }),
  def('PRIVATE_NONPROFIT_CERT', '民办非企业单位（社会服务机构）登记证书', 'entity', 'MZJ', {
    legal_representative: '法定代表人',
  }),
  def('LOW_INCOME_CERT', '最低生活保障证', 'person', 'MZJ', { household_size: '保障人数', monthly_amount: '月保障金额' }),
  def('ADOPTION_CERT', '收养登记证', 'person', 'MZJ'),
  def('SOCIAL_SECURITY_CARD', '社会保障卡', 'person', 'RSJ', { card_number: '社会保障号码', bank: '金融账户开户行' }),
  def('HR_SERVICE_LICENCE', '人力资源服务许可证', 'entity', 'RSJ'),
  def('LABOUR_DISPATCH_LICENCE', '劳务派遣经营许可证', 'entity', 'RSJ'),
  def('EMPLOYMENT_CARD', '就业创业证', 'person', 'RSJ', { employment_status: '就业失业状态' }),
  def('SKILL_CERT', '职业技能等级证书', 'person', 'RSJ', { occupation: '职业（工种）', grade: '等级' }),
  def('BUSINESS_LICENCE', '营业执照', 'entity', 'SCJGJ', {
    legal_representative: '法定代表人（负责人、经营者）',
    address: '住所（经营场所）',
    business_scope: '经营范围',
    registered_capital: '注册资本',
    establish_date: '成立日期',
    entity_type: '类型',
  }),
  def('FOOD_BUSINESS_LICENCE', '食品经营许可证', 'entity', 'SCJGJ', { business_items: '经营项目', premises: '经营场所' }),
  def('FOOD_WORKSHOP_CERT', '广东省食品小作坊登记证', 'entity', 'SCJGJ'),
  def('SPECIAL_EQUIPMENT_REGISTRATION', '特种设备使用登记证', 'entity', 'SCJGJ', {
    equipment_code: '设备代码',
    equipment_type: '设备类别',
  }),
  def('DRUG_RETAIL_LICENCE', '药品经营许可证（零售）', 'entity', 'SCJGJ'),
  def('DEVICE_II_FILING', '第二类医疗器械经营备案凭证', 'entity', 'SCJGJ'),
  def('REAL_ESTATE_CERT', '不动产权证书', 'person', 'ZRZYJ', {
    unit_number: '不动产单元号',
    location: '坐落',
    area: '面积',
    usage: '用途',
    right_type: '权利类型',
  }),
  def('REAL_ESTATE_PROOF', '不动产登记证明', 'person', 'ZRZYJ', { unit_number: '不动产单元号', proof_matter: '证明权利或事项' }),
  def('LAND_PLANNING_PERMIT', '建设用地规划许可证', 'entity', 'ZRZYJ', { project_name: '项目名称', land_area: '用地面积' }),
  def('BUILDING_PLANNING_PERMIT', '建设工程规划许可证', 'entity', 'ZRZYJ', {
    project_name: '项目名称',
    building_area: '建设规模',
  }),
  def('RURAL_PLANNING_PERMIT', '乡村建设规划许可证', 'person', 'ZRZYJ'),
  def('SITE_SELECTION_OPINION', '建设项目用地预审与选址意见书', 'entity', 'ZRZYJ', { project_name: '项目名称' }),
  def('CONSTRUCTION_PERMIT', '建筑工程施工许可证', 'entity', 'ZJJ', { project_name: '工程名称', contract_price: '合同价格' }),
  def('PRESALE_PERMIT', '商品房预售许可证', 'entity', 'ZJJ', { project_name: '项目名称', presale_area: '预售面积' }),
  def('CONTRACTOR_QUALIFICATION', '建筑业企业资质证书', 'entity', 'ZJJ', { qualification: '资质类别及等级' }),
  def('GAS_BUSINESS_LICENCE', '燃气经营许可证', 'entity', 'ZJJ'),
  def('WASTE_DISPOSAL_APPROVAL', '城市建筑垃圾处置核准', 'entity', 'CGJ'),
  def('DRAINAGE_PERMIT', '城镇污水排入排水管网许可证', 'entity', 'SWJ'),
  def('ROAD_TRANSPORT_LICENCE', '道路运输经营许可证', 'entity', 'JTJ', { business_scope: '经营范围' }),
  def('ROAD_TRANSPORT_CERT', '道路运输证', 'entity', 'JTJ', { plate_number: '车辆号牌' }),
  def('DRIVER_QUALIFICATION', '道路运输从业人员从业资格证', 'person', 'JTJ', { category: '从业资格类别' }),
  def('RIDE_HAILING_LICENCE', '网络预约出租汽车经营许可证', 'entity', 'JTJ'),
  def('RIDE_HAILING_VEHICLE_CERT', '网络预约出租汽车运输证', 'person', 'JTJ', { plate_number: '车辆号牌' }),
  def('TAXI_DRIVER_CERT', '网络预约出租汽车驾驶员证', 'person', 'JTJ'),
  def('PORT_LICENCE', '港口经营许可证', 'entity', 'JTJ'),
  def('BIRTH_MEDICAL_CERT', '出生医学证明', 'person', 'WJJ', {
    baby_name: '新生儿姓名',
    birth_date: '出生日期',
    birth_place: '出生地点',
    mother_name: '母亲姓名',
    father_name: '父亲姓名',
  }),
  def('MEDICAL_INSTITUTION_LICENCE', '医疗机构执业许可证', 'entity', 'WJJ', { subjects: '诊疗科目' }),
  def('PHYSICIAN_CERT', '医师执业证书', 'person', 'WJJ', { practice_category: '执业类别', practice_scope: '执业范围' }),
  def('NURSE_CERT', '护士执业证书', 'person', 'WJJ'),
  def('PUBLIC_PLACE_HYGIENE_LICENCE', '公共场所卫生许可证', 'entity', 'WJJ', { place_type: '经营项目' }),
  def('WATER_SUPPLY_HYGIENE_LICENCE', '饮用水供水单位卫生许可证', 'entity', 'WJJ'),
  def('RADIATION_DIAGNOSIS_LICENCE', '放射诊疗许可证', 'entity', 'WJJ'),
  def('MATERNAL_CARE_LICENCE', '母婴保健技术服务执业许可证', 'entity', 'WJJ'),
  def('TEACHER_QUALIFICATION', '教师资格证书', 'person', 'JYJ', { qualification_type: '资格种类', subject: '任教学科' }),
  def('PRIVATE_SCHOOL_LICENCE', '民办学校办学许可证', 'entity', 'JYJ'),
  def('GRADUATION_CERT', '学历证书', 'person', 'JYJ', { school: '毕业学校', education_level: '学历层次' }),
  def('EIA_APPROVAL', '建设项目环境影响评价文件批复', 'entity', 'STHJJ'),
  def('POLLUTANT_DISCHARGE_PERMIT', '排污许可证', 'entity', 'STHJJ', { pollutants: '许可排放污染物' }),
  def('HAZARDOUS_WASTE_LICENCE', '危险废物经营许可证', 'entity', 'STHJJ'),
  def('RADIATION_SAFETY_LICENCE', '辐射安全许可证', 'entity', 'STHJJ'),
  def('WATER_ABSTRACTION_LICENCE', '取水许可证', 'entity', 'SWJ', { quantity: '年取水量' }),
  def('PESTICIDE_LICENCE', '农药经营许可证', 'entity', 'NYJ'),
  def('VETERINARY_DRUG_LICENCE', '兽药经营许可证', 'entity', 'NYJ'),
  def('ANIMAL_EPIDEMIC_CERT', '动物防疫条件合格证', 'entity', 'NYJ'),
  def('SEED_LICENCE', '农作物种子生产经营许可证', 'entity', 'NYJ'),
  def('FISHING_LICENCE', '渔业捕捞许可证', 'person', 'NYJ'),
  def('LOGGING_LICENCE', '林木采伐许可证', 'person', 'LYJ', { volume: '采伐蓄积' }),
  def('WILDLIFE_BREEDING_LICENCE', '人工繁育野生动物许可证', 'entity', 'LYJ'),
  def('HAZARDOUS_CHEMICALS_LICENCE', '危险化学品经营许可证', 'entity', 'YJJ'),
  def('FIREWORKS_RETAIL_LICENCE', '烟花爆竹经营（零售）许可证', 'entity', 'YJJ'),
  def('SPECIAL_OPERATION_CERT', '特种作业操作证', 'person', 'YJJ', { operation: '作业类别' }),
  def('ENTERTAINMENT_LICENCE', '娱乐经营许可证', 'entity', 'WGLTJ'),
  def('PERFORMANCE_LICENCE', '营业性演出许可证', 'entity', 'WGLTJ'),
  def('INTERNET_CAFE_LICENCE', '网络文化经营许可证（互联网上网服务营业场所）', 'entity', 'WGLTJ'),
  def('TRAVEL_AGENCY_LICENCE', '旅行社业务经营许可证', 'entity', 'WGLTJ'),
  def('PUBLICATION_RETAIL_LICENCE', '出版物经营许可证', 'entity', 'WGLTJ'),
  def('HIGH_RISK_SPORTS_LICENCE', '高危险性体育项目经营许可证', 'entity', 'WGLTJ'),
  def('VETERAN_PREFERENTIAL_CARD', '中华人民共和国退役军人优待证', 'person', 'TYJRJ'),
  def('DISABILITY_CERT', '中华人民共和国残疾人证', 'person', 'MZJ', {
    disability_category: '残疾类别',
    disability_grade: '残疾等级',
  }),
  def('BOOKKEEPING_LICENCE', '代理记账许可证书', 'entity', 'CZJ'),
  def('FOREIGNER_WORK_PERMIT', '外国人工作许可证', 'person', 'KJJ'),
  def('HIGH_TECH_ENTERPRISE_CERT', '高新技术企业证书', 'entity', 'KJJ'),
  def('AUCTION_LICENCE', '拍卖经营批准证书', 'entity', 'SWUJ'),
  def('LEGAL_WORKER_LICENCE', '基层法律服务工作者执业证', 'person', 'SFJ'),
];

// ---------------------------------------------------------------------------------------------
// Base-library fields (基础库 / 主题库) whose shared data replaces a material (免提交).
// ---------------------------------------------------------------------------------------------

export const BASE_FIELDS: DemoBaseField[] = [
  { key: 'population.name', label: '姓名', library: 'population', provider: 'GAJ' },
  { key: 'population.id_number', label: '公民身份号码', library: 'population', provider: 'GAJ' },
  { key: 'population.gender', label: '性别', library: 'population', provider: 'GAJ' },
  { key: 'population.birth_date', label: '出生日期', library: 'population', provider: 'GAJ' },
  { key: 'population.ethnicity', label: '民族', library: 'population', provider: 'GAJ' },
  { key: 'population.household_address', label: '户籍地址', library: 'population', provider: 'GAJ' },
  { key: 'population.household_members', label: '同户人员信息', library: 'population', provider: 'GAJ' },
  { key: 'population.residence_address', label: '居住地址', library: 'population', provider: 'GAJ' },
  { key: 'population.marital_status', label: '婚姻登记信息', library: 'population', provider: 'MZJ' },
  { key: 'population.birth_record', label: '出生医学证明信息', library: 'population', provider: 'WJJ' },
  { key: 'population.death_record', label: '死亡信息（医学死亡证明、火化信息）', library: 'population', provider: 'MZJ' },
  { key: 'population.education', label: '学历学位信息', library: 'population', provider: 'JYJ' },
  { key: 'population.disability', label: '残疾人等级信息', library: 'population', provider: 'MZJ' },
  { key: 'population.low_income', label: '低保、特困供养信息', library: 'population', provider: 'MZJ' },
  { key: 'population.veteran', label: '退役军人信息', library: 'population', provider: 'TYJRJ' },
  { key: 'legal_entity.name', label: '单位名称', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'legal_entity.uscc', label: '统一社会信用代码', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'legal_entity.legal_representative', label: '法定代表人', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'legal_entity.address', label: '住所', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'legal_entity.business_scope', label: '经营范围', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'legal_entity.registration', label: '登记注册信息', library: 'legal_entity', provider: 'SCJGJ' },
  { key: 'geo.real_estate_rights', label: '不动产登记信息（权利人、坐落、面积、抵押查封）', library: 'geo', provider: 'ZRZYJ' },
  { key: 'geo.parcel', label: '宗地信息', library: 'geo', provider: 'ZRZYJ' },
  { key: 'geo.planning', label: '规划条件', library: 'geo', provider: 'ZRZYJ' },
  { key: 'credit.dishonest', label: '失信被执行人及严重失信主体信息', library: 'credit', provider: 'FGJ' },
  { key: 'subject.social_insurance', label: '社会保险参保缴费信息', library: 'subject', provider: 'RSJ' },
  { key: 'subject.employment', label: '就业失业登记信息', library: 'subject', provider: 'RSJ' },
  { key: 'subject.medical_insurance', label: '医疗保险参保信息', library: 'subject', provider: 'YBJ' },
  { key: 'subject.housing_fund', label: '住房公积金缴存信息', library: 'subject', provider: 'GJJ' },
  { key: 'subject.tax_payment', label: '纳税及完税信息', library: 'subject', provider: 'SWUJU' },
  { key: 'subject.housing_contract', label: '商品房买卖合同网签备案信息', library: 'subject', provider: 'ZJJ' },
  { key: 'subject.vehicle', label: '机动车登记信息', library: 'subject', provider: 'GAJ' },
  { key: 'subject.income', label: '家庭收入及财产核对结果', library: 'subject', provider: 'MZJ' },
  { key: 'subject.military_discharge', label: '退出现役信息', library: 'subject', provider: 'TYJRJ' },
];
