/** 一件事 (bundles): several items applied for together, with their order and a guide. */
import type { DemoBundle, DemoBundleItem, EntityThemeCode, PersonThemeCode } from '../types.ts';
import { itemByKey } from './items.ts';
import { CITY } from './reference.ts';

interface Member {
  key: string;
  step: number;
  optional?: boolean;
  condition?: string;
}

/** A member applied for at `step`. */
const at = (step: number, key: string): Member => ({ key, step });
/** A member needed only when `condition` holds. */
const optionalAt = (step: number, key: string, condition: string): Member => ({ key, step, optional: true, condition });

/** Members at the same step run in parallel; a step on its own runs in sequence after the previous one. */
function members(list: Member[]): DemoBundleItem[] {
  const perStep = new Map<number, number>();
  for (const x of list) perStep.set(x.step, (perStep.get(x.step) ?? 0) + 1);
  return list.map((x) => ({
    itemKey: x.key,
    itemCode: itemByKey(x.key).implementationCode,
    step: x.step,
    mode: (perStep.get(x.step) ?? 0) > 1 ? 'parallel' : 'sequence',
    optional: x.optional ?? false,
    ...(x.condition ? { condition: x.condition } : {}),
  }));
}

function bundle(
  n: number,
  b: Omit<DemoBundle, 'code' | 'regionCode' | 'items' | 'personTheme' | 'entityTheme'> & {
    theme: PersonThemeCode | EntityThemeCode;
    members: Member[];
  },
): DemoBundle {
  const { theme, members: list, ...rest } = b;
  return {
    code: `YJS-${CITY.code.slice(0, 6)}-${String(n).padStart(3, '0')}`,
    regionCode: CITY.code,
    ...rest,
    ...(b.audience === 'person' ? { personTheme: theme as PersonThemeCode } : { entityTheme: theme as EntityThemeCode }),
    items: members(list),
  };
}

export const DEMO_BUNDLES: DemoBundle[] = [
  bundle(1, {
    name: '开办企业一件事',
    aliases: ['开公司一件事', '注册公司一站式', '开办企业一网通办'],
    audience: 'entity',
    theme: 'start_business',
    leadDepartment: 'SCJGJ',
    promisedLimit: 1,
    visits: 0,
    guide:
      '申请人通过广东政务服务网“开办企业一网通办”专区一次填报、一次提交，即可同步办理营业执照、公章刻制备案、新办纳税人涉税事项（数电发票）、单位社会保险登记和住房公积金缴存登记，并可预约银行开户。全体股东和法定代表人完成实名认证和电子签名后，登记机关即时审核，营业执照核准后信息自动推送公安、税务、人社、公积金等部门并联办理。全流程0.5个工作日内办结，新办企业可免费刻制首套公章、免费邮寄营业执照，全程无需到现场。',
    members: [
      at(1, 'scjgj.company.establish'),
      at(2, 'gaj.security.seal-filing'),
      at(2, 'swuju.new-taxpayer'),
      at(2, 'rsj.si.employer-register'),
      optionalAt(2, 'gjj.employer.register', '选择为职工缴存住房公积金的'),
    ],
  }),
  bundle(2, {
    name: '出生一件事',
    aliases: ['新生儿出生一件事', '宝宝出生一站办', '孩子出生办证'],
    audience: 'person',
    theme: 'birth',
    leadDepartment: 'WJJ',
    promisedLimit: 5,
    visits: 0,
    guide:
      '新生儿父母在粤省事“出生一件事”专区一次填报新生儿和父母信息，即可联办出生医学证明、户口登记、城乡居民医保参保、社会保障卡申领，职工还可同步申领生育津贴。助产机构签发出生医学证明后，电子证照自动推送公安、医保、人社部门，父母无需重复提交出生证明、户口簿等材料。户口页和社会保障卡可邮寄到家，全程“零跑动”，一般5个工作日内全部办结。',
    members: [
      optionalAt(1, 'wjj.birth-registration', '怀孕期间未办理生育登记的'),
      at(2, 'wjj.birth-certificate'),
      at(3, 'gaj.hukou.birth'),
      at(4, 'ybj.newborn.enrol'),
      at(4, 'rsj.si-card.apply'),
      optionalAt(4, 'ybj.maternity-allowance', '母亲为参加职工医保（生育保险）的在职职工'),
    ],
  }),
  bundle(3, {
    name: '退休一件事',
    aliases: ['办退休一件事', '退休一站办'],
    audience: 'person',
    theme: 'pension',
    leadDepartment: 'RSJ',
    promisedLimit: 5,
    visits: 0,
    guide:
      '职工达到法定退休年龄前三个月，系统通过粤省事推送退休提醒。本人或单位在“退休一件事”专区一次申报，即可办理基本养老保险待遇申领，并同步办理住房公积金退休提取；多地参保的先由系统发起养老保险关系归集。社保经办机构核定待遇后次月起按月发放养老金到社会保障卡，公积金余额一次性转入本人账户。全程网上办理，无需提交退休审批表、身份证复印件等材料。',
    members: [
      optionalAt(1, 'rsj.pension.transfer', '在多个统筹地区参保、需归集养老保险关系的'),
      at(2, 'rsj.pension.retire'),
      at(3, 'gjj.withdraw.retire'),
    ],
  }),
  bundle(4, {
    name: '二手房转移登记及水电气过户一件事',
    aliases: ['二手房过户一件事', '买二手房一件事', '房产过户水电气联动'],
    audience: 'person',
    theme: 'property',
    leadDepartment: 'ZRZYJ',
    promisedLimit: 1,
    visits: 1,
    guide:
      '买卖双方网签存量房买卖合同后，在不动产登记“一窗受理”窗口或粤省事一次提交登记和纳税申请：税务部门同步核定契税等税费并在线缴纳，不动产登记机构1个工作日内登簿发证，电子不动产权证书即时推送；有按揭贷款的可同步办理抵押登记（“带押过户”）。登簿完成后，系统自动将新权利人信息推送供水、供电、燃气企业办理过户，无需再跑三家营业厅；买方购房后还可一键申请住房公积金购房提取。买卖双方只需到场一次核验身份并签字。',
    members: [
      at(1, 'zjj.housing.contract-filing'),
      at(2, 'swuju.deed-tax'),
      at(3, 'zrzyj.re.transfer-second-hand'),
      optionalAt(4, 'zrzyj.re.mortgage', '买方申请按揭贷款的'),
      at(5, 'swj.water.transfer'),
      at(5, 'fgj.power.transfer'),
      optionalAt(5, 'zjj.gas.transfer', '已开通管道燃气的'),
      optionalAt(5, 'gjj.withdraw.purchase', '买方申请提取住房公积金的'),
    ],
  }),
  bundle(5, {
    name: '企业注销一件事',
    aliases: ['注销公司一件事', '企业注销一网通办'],
    audience: 'entity',
    theme: 'deregistration',
    leadDepartment: 'SCJGJ',
    promisedLimit: 1,
    visits: 0,
    guide:
      '企业通过“企业注销一网通办”平台一次提交注销申请，税务、市场监管等部门信息共享、同步办理：先办理清税注销（未办理过涉税事宜或符合条件的即时出具清税信息），再由登记机关办理注销登记。无债权债务的企业可选择简易注销，经20日公示无异议后即可申请；其他企业在完成清算和45日债权人公告后办理一般注销。社保、公积金等部门依据注销信息同步办理单位账户注销，全程网上办理。',
    members: [
      at(1, 'swuju.deregistration'),
      {
        key: 'scjgj.company.simple-deregister',
        step: 2,
        optional: true,
        condition: '未发生债权债务或已清偿完结、选择简易注销的',
      },
      optionalAt(2, 'scjgj.company.deregister', '需要清算、办理一般注销的'),
    ],
  }),
  bundle(6, {
    name: '身后一件事',
    aliases: ['逝者身后事', '老人去世办什么', '殡葬一件事'],
    audience: 'person',
    theme: 'death',
    leadDepartment: 'MZJ',
    promisedLimit: 5,
    visits: 1,
    guide:
      '亲人离世后，家属凭医疗卫生机构签发的《居民死亡医学证明（推断）书》，在殡仪馆办理遗体火化时直接享受基本殡葬服务费用减免；同时可在粤省事“身后一件事”专区一次申请户口注销、养老保险丧葬补助金和抚恤金申领及个人账户余额继承等事项。死亡信息在卫生健康、公安、民政、人社部门间共享，家属无需重复提交死亡证明、火化证明等材料，一般只需到殡仪馆办理一次。',
    members: [
      at(1, 'wjj.death-certificate'),
      at(2, 'mzj.funeral.basic-service'),
      at(2, 'gaj.hukou.death-cancel'),
      optionalAt(3, 'rsj.pension.survivor', '逝者参加了基本养老保险的'),
    ],
  }),
  bundle(7, {
    name: '入学一件事',
    aliases: ['小学入学一件事', '新生入学一件事', '上学报名一件事'],
    audience: 'person',
    theme: 'education',
    leadDepartment: 'JYJ',
    promisedLimit: 20,
    visits: 0,
    guide:
      '适龄儿童家长在“云浮市义务教育招生平台”或粤省事报名，系统通过数据共享自动核验户籍、房产、房屋租赁备案、居住证和社保参保等信息，核验通过的无需提交任何证明材料。随迁子女家长如尚未办理居住证或租赁备案，可在专区内一并申请；需要的参保证明、不动产查询证明可在线即时生成。学位分配结果在招生日程规定时间统一公布。',
    members: [
      optionalAt(1, 'gaj.residence-permit', '随迁子女家长尚未持有本市居住证的'),
      optionalAt(1, 'zjj.housing.rental-filing', '租房居住、尚未办理租赁备案的'),
      optionalAt(1, 'zrzyj.re.query', '需出具房产信息查询证明的'),
      optionalAt(1, 'rsj.si.record-print', '需出具社保参保证明的'),
      at(2, 'jyj.enrolment.primary'),
    ],
  }),
  bundle(8, {
    name: '开饭店一件事',
    aliases: ['开餐馆一件事', '开餐饮店', '开奶茶店一件事'],
    audience: 'entity',
    theme: 'food_drug',
    leadDepartment: 'SCJGJ',
    promisedLimit: 3,
    visits: 0,
    guide:
      '申请人在“开饭店一件事”专区一次填报主体信息和经营场所信息，即可同步办理营业执照（公司或个体工商户）、食品经营许可、城镇污水排入排水管网许可和门店招牌设置。食品经营许可和排水许可实行告知承诺，材料齐全、作出承诺的当场发证，相关部门在开业后进行现场核查。全程网上办理，一般3个工作日内全部办结。',
    members: [
      optionalAt(1, 'scjgj.individual.establish', '以个体工商户形式经营的'),
      optionalAt(1, 'scjgj.company.establish', '以公司形式经营的'),
      at(2, 'scjgj.food.business-licence'),
      at(2, 'swj.drainage-permit'),
      optionalAt(2, 'cgj.outdoor-ad', '设置门店招牌、户外广告的'),
    ],
  }),
  bundle(9, {
    name: '就业登记一件事（员工录用）',
    aliases: ['员工入职一件事', '招用员工一件事', '新员工参保'],
    audience: 'entity',
    theme: 'employment',
    leadDepartment: 'RSJ',
    promisedLimit: 0,
    visits: 0,
    guide:
      '用人单位招用员工后，通过广东人社网上服务厅或粤商通“员工录用一件事”一次提交员工信息，同步办理就业登记和职工参保登记（养老、失业、工伤、医疗保险增员）；员工尚无社会保障卡的可一并申领。员工身份信息通过人口库核验，无需提交身份证复印件、劳动合同，即时办结。',
    members: [
      at(1, 'rsj.employment.register'),
      at(1, 'rsj.si.employee-enrol'),
      optionalAt(2, 'rsj.si-card.apply', '员工尚未申领社会保障卡的'),
    ],
  }),
  bundle(10, {
    name: '军人退役一件事',
    aliases: ['退役军人一件事', '退伍一件事', '退伍回乡办事'],
    audience: 'person',
    theme: 'veterans',
    leadDepartment: 'TYJRJ',
    promisedLimit: 15,
    visits: 1,
    guide:
      '退役军人自退出现役之日起30日内，持退出现役证件到安置地退役军人事务局报到，报到时可一次申请户口登记、自主就业一次性经济补助金、退役军人优待证、城乡居民医保参保（未就业的）和光荣牌悬挂等事项。退役信息在退役军人事务、公安、人社、医保部门间共享，报到后其余事项无需再跑，补助金直接发放到本人社会保障卡。',
    members: [
      at(1, 'tyjrj.report'),
      optionalAt(2, 'gaj.hukou.move-in', '需办理户口迁入或恢复户口的'),
      optionalAt(2, 'tyjrj.one-off-subsidy', '选择自主就业的退役士兵'),
      at(2, 'tyjrj.preferential-card'),
      optionalAt(2, 'ybj.resident.enrol', '退役后暂未就业的'),
      at(3, 'tyjrj.honour-plaque'),
    ],
  }),
  bundle(11, {
    name: '工程建设项目“拿地即开工”一件事',
    aliases: ['拿地即开工', '工程建设审批一件事', '项目开工一件事'],
    audience: 'entity',
    theme: 'construction',
    leadDepartment: 'ZRZYJ',
    promisedLimit: 15,
    visits: 0,
    guide:
      '社会投资项目取得土地后，建设单位通过广东省工程建设项目审批管理系统一次申报：签订出让合同即核发建设用地规划许可证；建设工程规划许可与环评、水土保持方案审批并联办理；施工图审查合格证明等材料实行告知承诺和容缺受理，规划许可核发后即可申请施工许可。各环节审批结果电子证照共享，建设单位无需重复提交，实现“拿地即开工”。',
    members: [
      at(1, 'fgj.project-filing'),
      at(2, 'zrzyj.planning.land-use-permit'),
      at(3, 'zrzyj.planning.building-permit'),
      optionalAt(3, 'sthjj.eia-form', '需编制环境影响报告表的'),
      optionalAt(3, 'swj.soil-conservation-plan', '需编制水土保持方案的'),
      at(4, 'zjj.construction-permit'),
    ],
  }),
  bundle(12, {
    name: '新车上牌一件事',
    aliases: ['买车上牌一件事', '新车落户'],
    audience: 'person',
    theme: 'travel',
    leadDepartment: 'GAJ',
    promisedLimit: 0,
    visits: 1,
    guide:
      '在本市购买新车后，车主可在销售店或车管所一次办理车辆购置税申报和机动车注册登记：购车电子发票、合格证和完税信息自动共享，车辆查验后即可互联网选号、当场领取号牌和行驶证。符合条件的还可同步申领汽车以旧换新补贴。',
    members: [
      at(1, 'swuju.vehicle-purchase-tax'),
      at(2, 'gaj.traffic.vehicle-registration'),
      optionalAt(3, 'swuj.car-trade-in', '报废或置换旧车、符合补贴条件的'),
    ],
  }),
  bundle(13, {
    name: '残疾人服务一件事',
    aliases: ['残疾人证和补贴一起办', '残疾人一件事'],
    audience: 'person',
    theme: 'disability',
    leadDepartment: 'MZJ',
    promisedLimit: 30,
    visits: 1,
    guide:
      '申请人在粤省事或镇（街道）一次申请残疾人证，评定通过发证后，系统根据残疾等级和家庭困难情况自动判断是否符合困难残疾人生活补贴、重度残疾人护理补贴条件，符合条件的同步进入补贴审核；有就业意愿的可一并申请就业困难人员认定。申请人只需到指定医疗机构评定一次。',
    members: [
      at(1, 'mzj.disability.certificate'),
      optionalAt(2, 'mzj.disability.subsidies', '符合两项补贴条件的'),
      optionalAt(2, 'rsj.employment.hard-to-employ', '有就业意愿、处于失业状态的'),
    ],
  }),
  bundle(14, {
    name: '婚育一件事',
    aliases: ['结婚一件事', '结婚生育一起办'],
    audience: 'person',
    theme: 'marriage',
    leadDepartment: 'MZJ',
    promisedLimit: 5,
    visits: 1,
    guide:
      '新人在粤省事预约结婚登记，双方到婚姻登记处当场领证；婚姻登记信息实时共享，需要夫妻投靠落户的可在线申请户口迁入，无需再提交结婚证复印件；计划生育的可同步办理生育登记。',
    members: [
      at(1, 'mzj.marriage.register'),
      optionalAt(2, 'gaj.hukou.move-in', '一方需投靠另一方落户的'),
      optionalAt(2, 'wjj.birth-registration', '已怀孕或计划生育的'),
    ],
  }),
];
