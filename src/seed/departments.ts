import type { SectorCode } from '../modules/org/index.ts';

/**
 * The departments of a Guangdong prefecture-level government after the 2019 institutional
 * reform, as a city's 政务服务 catalogue names them. `{city}` is replaced by the city's name.
 */
export interface DepartmentTemplate {
  abbr: string;
  name: string;
  shortName: string;
  sector: SectorCode;
  /** 其他名称, with `{city}` / `{county}` / `{countyShort}` (the county without 区/县/市) replaced. */
  otherNames?: string[];
  /**
   * Joined the demo city after its first catalogue: seeded after the counties' departments, so
   * the departments before it keep their synthetic 统一社会信用代码 (numbered in seeding order),
   * which the catalogue's item codes carry.
   */
  addedLater?: true;
}

export const CITY_DEPARTMENTS: DepartmentTemplate[] = [
  { abbr: 'BGS', name: '{city}人民政府办公室', shortName: '市府办', sector: 'general_office' },
  { abbr: 'FGJ', name: '{city}发展和改革局', shortName: '市发改局', sector: 'development_reform' },
  { abbr: 'JYJ', name: '{city}教育局', shortName: '市教育局', sector: 'education' },
  { abbr: 'KJJ', name: '{city}科学技术局', shortName: '市科技局', sector: 'science_technology' },
  { abbr: 'GXJ', name: '{city}工业和信息化局', shortName: '市工信局', sector: 'industry_it' },
  { abbr: 'GAJ', name: '{city}公安局', shortName: '市公安局', sector: 'public_security' },
  { abbr: 'MZJ', name: '{city}民政局', shortName: '市民政局', sector: 'civil_affairs' },
  { abbr: 'SFJ', name: '{city}司法局', shortName: '市司法局', sector: 'justice' },
  { abbr: 'CZJ', name: '{city}财政局', shortName: '市财政局', sector: 'finance' },
  { abbr: 'RSJ', name: '{city}人力资源和社会保障局', shortName: '市人社局', sector: 'human_resources' },
  // the city's 不动产登记中心 works under it: the 不动产 items' guides name the centre
  { abbr: 'ZRZYJ', name: '{city}自然资源局', shortName: '市自然资源局', sector: 'natural_resources', otherNames: ['{city}不动产登记中心'] },
  { abbr: 'STHJJ', name: '{city}生态环境局', shortName: '市生态环境局', sector: 'ecology_environment' },
  { abbr: 'ZJJ', name: '{city}住房和城乡建设局', shortName: '市住建局', sector: 'housing_construction' },
  { abbr: 'JTJ', name: '{city}交通运输局', shortName: '市交通运输局', sector: 'transport' },
  { abbr: 'SWJ', name: '{city}水务局', shortName: '市水务局', sector: 'water_resources' },
  { abbr: 'NYJ', name: '{city}农业农村局', shortName: '市农业农村局', sector: 'agriculture' },
  { abbr: 'SWUJ', name: '{city}商务局', shortName: '市商务局', sector: 'commerce' },
  { abbr: 'WGLTJ', name: '{city}文化广电旅游体育局', shortName: '市文广旅体局', sector: 'culture_tourism' },
  { abbr: 'WJJ', name: '{city}卫生健康局', shortName: '市卫健局', sector: 'health' },
  { abbr: 'TYJRJ', name: '{city}退役军人事务局', shortName: '市退役军人局', sector: 'veterans_affairs' },
  { abbr: 'YJJ', name: '{city}应急管理局', shortName: '市应急管理局', sector: 'emergency_management' },
  { abbr: 'SJJ', name: '{city}审计局', shortName: '市审计局', sector: 'audit' },
  { abbr: 'GZW', name: '{city}人民政府国有资产监督管理委员会', shortName: '市国资委', sector: 'state_assets' },
  { abbr: 'SCJGJ', name: '{city}市场监督管理局', shortName: '市市场监管局', sector: 'market_regulation' },
  { abbr: 'TJJ', name: '{city}统计局', shortName: '市统计局', sector: 'statistics' },
  { abbr: 'YBJ', name: '{city}医疗保障局', shortName: '市医保局', sector: 'medical_security' },
  { abbr: 'LYJ', name: '{city}林业局', shortName: '市林业局', sector: 'forestry' },
  { abbr: 'SWUJU', name: '国家税务总局{city}税务局', shortName: '市税务局', sector: 'taxation' },
  { abbr: 'ZSJ', name: '{city}政务服务和数据管理局', shortName: '市政数局', sector: 'data_governance' },
  { abbr: 'CGJ', name: '{city}城市管理和综合执法局', shortName: '市城管执法局', sector: 'urban_management' },
  { abbr: 'MZZJJ', name: '{city}民族宗教事务局', shortName: '市民宗局', sector: 'ethnic_religious' },
  { abbr: 'GJJ', name: '{city}住房公积金管理中心', shortName: '市公积金中心', sector: 'housing_fund' },
  { abbr: 'XFJ', name: '{city}信访局', shortName: '市信访局', sector: 'other' },
  // Vertically managed (under the provincial 烟草专卖局), but it sits in the city's hall and its
  // catalogue: 烟草专卖零售许可 is one of the licences a hall is asked about most.
  { abbr: 'YCJ', name: '{city}烟草专卖局', shortName: '市烟草专卖局', sector: 'other', addedLater: true },
];

/** The departments every county (区/县/县级市) runs its own window for. */
export const COUNTY_DEPARTMENTS: DepartmentTemplate[] = [
  { abbr: 'GAJ', name: '{city}公安局{county}分局', shortName: '公安分局', sector: 'public_security' },
  { abbr: 'SCJGJ', name: '{county}市场监督管理局', shortName: '市场监管局', sector: 'market_regulation' },
  { abbr: 'RSJ', name: '{county}人力资源和社会保障局', shortName: '人社局', sector: 'human_resources' },
  { abbr: 'MZJ', name: '{county}民政局', shortName: '民政局', sector: 'civil_affairs' },
  { abbr: 'ZRZYJ', name: '{county}自然资源局', shortName: '自然资源局', sector: 'natural_resources', otherNames: ['{city}不动产登记中心{countyShort}分中心'] },
  { abbr: 'ZSJ', name: '{county}政务服务和数据管理局', shortName: '政数局', sector: 'data_governance' },
];

/** Dedicated windows of a hall besides its general windows (综合受理窗口). */
export const DEDICATED_WINDOWS: { number: string; name: string; abbr: string }[] = [
  { number: 'B01', name: '公安出入境窗口', abbr: 'GAJ' },
  { number: 'B02', name: '不动产登记窗口', abbr: 'ZRZYJ' },
  { number: 'B03', name: '社保医保窗口', abbr: 'RSJ' },
  { number: 'B04', name: '市场主体登记窗口', abbr: 'SCJGJ' },
];

export const GENERAL_WINDOW_COUNT = 6;
