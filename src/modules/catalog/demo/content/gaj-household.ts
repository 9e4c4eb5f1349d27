/** 公安：户政（居民身份证、户口、居住证）. 户政业务由县级公安机关（云城分局）签发，市局统筹。 */
import type { DemoItem } from '../types.ts';
import { VISIT, cityDepartment, f, law, impl, m, type ItemSpec } from './define.ts';
import { citing, faq } from './builders.ts';
import { COUNTIES, LT } from './reference.ts';

const YUNCHENG = COUNTIES[0].code;
const d = cityDepartment('GAJ');

const ID_CARD_LAW = '中华人民共和国居民身份证法';
const idCardLaw = citing(ID_CARD_LAW);
const HUKOU_LAW = '中华人民共和国户口登记条例';

const idFeeBasis =
  '《中华人民共和国居民身份证法》第二十条；《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）';
const idFeeReduction =
  '城市中领取最低生活保障金的居民、农村中有特殊生活困难的居民，初次申领和到期换领时免收工本费（《居民身份证法》第二十条）';

const idPhotoSpec = '无需提交纸质照片，由受理点现场免费采集人像；也可使用经公安部门认可的照相馆数码回执';
const idForm = () => [
  ...f.applicant(),
  f.householdAddress(),
  f.radio('id_delivery', '领取方式', ['窗口领取', '邮政速递（到付）'], true, { group: '领证方式' }),
  f.address('delivery_address', '邮寄地址', false, { help: '选择邮寄时填写', group: '领证方式' }),
];

/** 换领 and 补领 are handled alike: accepted at any office in the country, made within 60 days. */
const ID_CARD_ANYWHERE = {
  onlinePayment: true,
  statutory: 60,
  statutoryNote: '《居民身份证法》第十二条：自提交申领登记表之日起60日内发放',
  promised: 10,
  promisedNote: '本地办理10个工作日；异地受理的20个工作日',
  depth: 3,
  visits: 1,
  visitReason: VISIT.biometric,
  marks: 'hf crossProvince nationwide mobile',
  result: '居民身份证',
  resultLicense: LT.ID_CARD,
  location: '全市任一公安派出所户籍窗口或政务服务中心公安窗口（可异地受理）',
  person: ['household'],
  form: idForm(),
} satisfies Partial<ItemSpec>;

export const GAJ_HOUSEHOLD_ITEMS: DemoItem[] = [
  d.item({
    key: 'gaj.id-card.first',
    no: 1,
    child: 1,
    name: '居民身份证首次申领',
    aliases: ['办身份证', '第一次办身份证', '小孩办身份证', '首次申领身份证'],
    keywords: ['身份证', '居民身份证', '首次申领', '未成年人', '十六周岁'],
    type: '07',
    region: YUNCHENG,
    basis: [
      idCardLaw(
        '第二条',
        '居住在中华人民共和国境内的年满十六周岁的中国公民，应当依照本法的规定申请领取居民身份证；未满十六周岁的中国公民，可以依照本法的规定申请领取居民身份证。',
      ),
      idCardLaw(
        '第十条',
        '申请领取居民身份证，应当填写《居民身份证申领登记表》，交验居民户口簿。未满十六周岁的公民申请领取居民身份证，由监护人代为申请。',
      ),
      idCardLaw('第八条', '居民身份证由居民常住户口所在地的县级人民政府公安机关签发。', { kind: 'implementing' }),
    ],
    conditions: [
      '具有本市常住户口的中国公民',
      '年满十六周岁的公民应当申领；未满十六周岁的公民可以申领，由监护人陪同并代为申请',
      '此前未办理过居民身份证',
    ],
    materials: [
      m.hukou('申请人', { requirement: '核验户主页及本人页原件；户籍信息可通过人口库核验' }),
      m.own('监护人居民身份证', {
        necessity: 'optional',
        note: '未满十六周岁的由监护人陪同办理时提供',
        source: 'government',
        sourceNote: '公安机关核发',
        replacedByLicenseType: LT.ID_CARD,
      }),
      m.photo(idPhotoSpec, 0, { necessity: 'optional', note: '现场采集的无需提交' }),
    ],
    fees: [
      {
        name: '居民身份证工本费',
        amountFen: 2000,
        rule: '20元/证',
        basis: idFeeBasis,
        reducible: true,
        reductionBasis: idFeeReduction,
      },
    ],
    onlinePayment: true,
    statutory: 60,
    statutoryNote: '《居民身份证法》第十二条：自提交申领登记表之日起60日内发放；交通不便地区可延长，但不超过30日',
    promised: 10,
    promisedNote: '自受理之日起10个工作日内制证完成；选择邮寄的另加邮程时间',
    depth: 2,
    visits: 1,
    visitReason: VISIT.biometric,
    mailResult: true,
    hf: true,
    kiosk: false,
    result: '居民身份证',
    resultLicense: LT.ID_CARD,
    location: '户籍所在地公安派出所户籍窗口或云城区政务服务中心公安窗口',
    person: ['household'],
    form: idForm(),
    faqs: [
      faq(
        '小孩多大可以办身份证？',
        '未满十六周岁的公民可以申领居民身份证，有效期五年；不满十六周岁的须由监护人陪同，监护人代为申请。年满十六周岁的公民应当申领。',
      ),
      faq('首次办理身份证可以在外地办吗？', '首次申领需回户籍所在地公安机关办理；换领、补领可在全国任一受理点异地办理。'),
      faq('办身份证需要带照片吗？', '不需要。受理点现场免费采集人像和指纹，也可使用经公安部门认可的照相馆数码照片回执。'),
    ],
  }),
  d.item({
    key: 'gaj.id-card.renew',
    no: 1,
    child: 2,
    name: '居民身份证换领（有效期满、证件损坏、信息变更）',
    aliases: ['身份证到期换证', '身份证过期', '换身份证', '身份证坏了', '身份证异地换领'],
    keywords: ['身份证', '换领', '到期', '有效期满', '异地办理', '跨省通办'],
    type: '07',
    region: YUNCHENG,
    basis: [
      idCardLaw(
        '第十一条',
        '居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，公民应当换领新证；居民身份证登记项目出现错误的，公安机关应当及时更正，换发新证；领取新证时，必须交回原证。',
      ),
      idCardLaw(
        '第十二条',
        '公民申请领取、换领、补领居民身份证，公安机关应当按照规定及时予以办理。公安机关应当自公民提交《居民身份证申领登记表》之日起六十日内发放居民身份证。',
      ),
      impl(
        '公安部关于建立居民身份证异地受理挂失申报和丢失招领制度的意见',
        '',
        '自2016年起全面实施居民身份证异地受理、挂失申报和丢失招领制度，公民可在全国任一受理点申请换领、补领居民身份证。',
      ),
    ],
    conditions: [
      '已领取居民身份证的中国公民',
      '居民身份证有效期满（可在期满前三个月内申请）、证件严重损坏不能辨认、姓名等登记项目变更或错误',
      '换领时交回原证',
    ],
    materials: [
      m.id('申请人', { name: '原居民身份证', requirement: '交回原证；证件损坏的交回损坏证件' }),
      m.hukou('申请人', { necessity: 'optional', note: '登记项目变更、更正的提供；户籍地办理可通过人口库核验' }),
    ],
    fees: [
      {
        name: '居民身份证工本费（有效期满换领）',
        amountFen: 2000,
        rule: '20元/证',
        basis: idFeeBasis,
        reducible: true,
        reductionBasis: idFeeReduction,
      },
      { name: '居民身份证工本费（损坏换领）', amountFen: 4000, rule: '40元/证', basis: idFeeBasis, reducible: false },
    ],
    ...ID_CARD_ANYWHERE,
    faqs: [
      faq(
        '身份证快到期了，什么时候可以去换？',
        '有效期满前三个月内即可申请换领。可先在粤省事“身份证办理”预约并完成网上预审，再到受理点采集人像和指纹，只需跑一次。',
      ),
      faq(
        '我是外省户籍，在云浮能换身份证吗？',
        '可以。居民身份证换领、补领已实现全国通办，凭原证到任一受理点即可申请，制证时间约20个工作日，可选择邮寄到家。',
      ),
      faq('换证期间急用身份证怎么办？', '可同时申请临时居民身份证，当场或次日发放，有效期三个月，工本费10元。'),
    ],
  }),
  d.item({
    key: 'gaj.id-card.replace',
    no: 1,
    child: 3,
    name: '居民身份证补领（丢失补领）',
    aliases: ['身份证丢了', '身份证掉了', '补办身份证', '身份证遗失'],
    keywords: ['身份证', '补领', '丢失', '遗失', '挂失', '跨省通办'],
    type: '07',
    region: YUNCHENG,
    basis: [
      idCardLaw(
        '第十一条',
        '居民身份证丢失的，应当申请补领。未满十六周岁公民的居民身份证有前款情形的，可以由监护人代为申请换领、换发或者补领。',
      ),
      idCardLaw('第二十条', '公民申请领取、换领、补领居民身份证，应当缴纳证件工本费。'),
    ],
    conditions: ['已领取居民身份证且证件丢失的中国公民', '未满十六周岁的由监护人代为申请'],
    materials: [
      m.hukou('申请人', { necessity: 'optional', note: '户籍地办理通过人口库核验，无需提交；异地办理无需户口簿' }),
      m.opt('居民身份证挂失申报回执', '已通过粤省事或受理点办理挂失申报的可提供，未挂失的现场一并办理', {
        form: 'electronic',
        count: 0,
      }),
    ],
    fees: [{ name: '居民身份证工本费（丢失补领）', amountFen: 4000, rule: '40元/证', basis: idFeeBasis, reducible: false }],
    ...ID_CARD_ANYWHERE,
    faqs: [
      faq(
        '身份证丢了第一步做什么？',
        '先在粤省事或到任一受理点办理挂失申报，挂失后该证件在身份核验系统中显示无效，可防止被冒用；再申请补领。',
      ),
      faq('补办身份证多少钱？', '丢失补领工本费40元。'),
    ],
  }),
  d.item({
    key: 'gaj.id-card.temporary',
    no: 1,
    child: 4,
    name: '临时居民身份证申领',
    aliases: ['临时身份证', '急用身份证', '坐车没身份证'],
    keywords: ['临时身份证', '即办'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        '中华人民共和国临时居民身份证管理办法',
        '',
        '居住在中华人民共和国境内的中国公民，在申请领取、换领、补领居民身份证期间，急需使用居民身份证的，可以申请领取临时居民身份证。',
      ),
      law('中华人民共和国临时居民身份证管理办法', '', '临时居民身份证的有效期限为三个月，有效期限自签发之日起计算。'),
    ],
    conditions: ['正在申请领取、换领、补领居民身份证', '急需使用居民身份证'],
    materials: [
      m.hukou('申请人', { necessity: 'optional', note: '户籍地办理通过人口库核验' }),
      m.photo('现场采集或提供近期正面免冠白底彩色照片1张', 0, { necessity: 'optional', note: '现场采集的无需提供' }),
    ],
    fees: [{ name: '临时居民身份证工本费', amountFen: 1000, rule: '10元/证', basis: idFeeBasis, reducible: false }],
    statutory: 3,
    statutoryNote: '《临时居民身份证管理办法》：公安机关应当自受理之日起三日内签发',
    promised: 0,
    promisedNote: '当场签发（制证设备故障等特殊情况次日签发）',
    depth: 1,
    visits: 1,
    visitReason: VISIT.biometric,
    result: '临时居民身份证',
    location: '户籍所在地公安派出所户籍窗口或政务服务中心公安窗口',
    person: ['household', 'travel'],
    form: f.applicant(),
    faqs: [
      faq(
        '临时身份证能坐高铁吗？',
        '可以。临时居民身份证有效期三个月，在有效期内与居民身份证具有同等效力；铁路车站也可办理乘车用临时身份证明。',
      ),
    ],
  }),
  d.item({
    key: 'gaj.hukou.birth',
    no: 2,
    child: 1,
    name: '出生登记（户口申报）',
    aliases: ['新生儿上户口', '宝宝入户', '小孩上户口', '孩子出生上户口', '出生报户口'],
    keywords: ['出生登记', '新生儿', '户口', '入户', '出生医学证明', '一件事'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第七条',
        '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。弃婴，由收养人或者育婴机关向户口登记机关申报出生登记。',
      ),
      impl(
        '国务院办公厅关于解决无户口人员登记户口问题的意见',
        '',
        '不符合计划生育政策的无户口人员，依本人或者其监护人的申请，可以按照随父随母落户自愿的政策申请常住户口登记。',
        { docNumber: '国办发〔2015〕96号' },
      ),
    ],
    conditions: [
      '在国内出生的婴儿，父亲或母亲一方为本市常住户口',
      '随父或随母落户自愿；婚内、非婚生育均可申报',
      '原则上在婴儿出生后一个月内申报，超过一个月的仍可办理',
    ],
    materials: [
      m.licence('出生医学证明', LT.BIRTH_MEDICAL_CERT, '助产医疗机构签发', {
        requirement: '通过出生医学证明电子证照核验；纸质件核验原件',
      }),
      m.hukou('落户方父（母）', { requirement: '核验落户户主页及落户方本人页' }),
      m.id('父母双方'),
      m.shared('父母结婚证', 'population.marital_status', '民政部门婚姻登记信息共享', {
        necessity: 'optional',
        note: '非婚生育的无需提供，由申报人书面说明',
      }),
    ],
    statutory: 0,
    promised: 0,
    depth: 4,
    national: [1, 2, 3, 4, 5, 6],
    marks: 'hf mobile',
    crossProvince: false,
    instant: false,
    mailResult: true,
    result: '户口簿（新生儿本人页）',
    resultType: 'certificate',
    process: [
      '申请：父母通过粤省事“出生一件事”或到派出所户籍窗口申报，填写出生登记信息',
      '受理：系统共享调取出生医学证明、父母户籍和婚姻信息，民警在线核验',
      '办结：审核通过后即时入户，新生儿户口页可选择邮寄送达或到派出所领取',
    ],
    delivery: ['邮寄送达', '窗口领取'],
    person: ['birth', 'household'],
    form: [
      ...f.applicant(),
      f.text('baby_name', '新生儿姓名', true, { group: '新生儿信息' }),
      f.fromLicence('baby_birth_cert_no', '出生医学证明编号', LT.BIRTH_MEDICAL_CERT, 'license_number', true, {
        group: '新生儿信息',
      }),
      f.fromLicence('baby_birth_date', '出生日期', LT.BIRTH_MEDICAL_CERT, 'birth_date', true, {
        group: '新生儿信息',
        type: 'date',
      }),
      f.radio('settle_with', '随父或随母落户', ['随父', '随母'], true, { group: '新生儿信息' }),
      f.householdAddress(),
    ],
    faqs: [
      faq('宝宝出生后多久要上户口？', '按规定在出生后一个月内申报出生登记。超过期限的仍可办理，不收取任何费用。'),
      faq(
        '没有结婚证可以给孩子上户口吗？',
        '可以。非婚生育的，凭出生医学证明和父母一方户口簿、身份证即可申报，随父落户的需提供亲子关系证明材料。',
      ),
      faq(
        '上户口要跑派出所吗？',
        '不需要。通过粤省事“出生一件事”在线申报，系统共享出生医学证明等信息，审核通过后户口页可邮寄到家，全程零跑动。',
      ),
    ],
  }),
  d.item({
    key: 'gaj.hukou.move-in',
    no: 2,
    child: 2,
    name: '户口迁入（市外迁入，含跨省迁移“一站式”办理）',
    aliases: ['户口迁到云浮', '落户', '迁户口', '户口迁移', '投靠落户', '购房落户', '人才落户', '随迁'],
    keywords: ['户口迁入', '落户', '迁移', '准迁证', '跨省通办', '一站式'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第十三条',
        '公民迁移，从到达迁入地的时候起，城市在三日以内，农村在十日以内，由本人或者户主持迁移证件向户口登记机关申报迁入登记，缴销迁移证件。',
      ),
      impl(
        '国务院关于进一步推进户籍制度改革的意见',
        '',
        '全面放开建制镇和小城市落户限制。在县级市市区、县人民政府驻地镇和其他建制镇有合法稳定住所（含租赁）的人员，本人及其共同居住生活的配偶、未成年子女、父母等，可以在当地申请登记常住户口。',
        { docNumber: '国发〔2014〕25号' },
      ),
    ],
    conditions: [
      '在本市城镇地区有合法稳定住所（含租赁）的人员，本人及其共同居住生活的配偶、子女、父母可申请落户',
      '或：夫妻投靠、父母投靠子女、子女投靠父母',
      '或：在本市就业、创业并参加社会保险的人员；普通高校、职业院校毕业生及留学回国人员',
      '跨省迁入的，在迁入地一站式办理，无需回迁出地开具迁移证',
    ],
    materials: [
      m.id('迁移人'),
      m.hukou('迁移人', { requirement: '跨省迁移的可由迁入地公安机关与迁出地网上核验' }),
      m.own('合法稳定住所证明', {
        note: '购房的提供不动产权证书或购房合同，租赁的提供房屋租赁登记备案凭证',
        replacedByBaseField: 'geo.real_estate_rights',
        requirement: '已办理不动产登记的通过数据共享核验',
      }),
      m.opt('亲属关系证明', '投靠落户的提供（结婚证、出生医学证明等），可通过婚姻、出生信息共享核验', {
        source: 'government',
        replacedByBaseField: 'population.marital_status',
      }),
      m.opt('就业或学历证明', '就业创业落户提供劳动合同或营业执照；毕业生提供毕业证书', {
        replacedByBaseField: 'population.education',
      }),
      m.hukou('落户户主', { necessity: 'optional', note: '投靠亲属落户的提供' }),
    ],
    statutory: 20,
    statutoryNote: '依据公安机关户政业务办理规范',
    promised: 5,
    promisedNote: '跨省迁移一站式办理需迁出地核验的，核验时间不计入',
    depth: 3,
    visits: 1,
    visitReason: '需本人到场核验身份并交回原户口簿本人页',
    marks: 'hf crossProvince nationwide mobile',
    result: '户口簿（迁入人员本人页）',
    resultType: 'certificate',
    location: '迁入地公安派出所户籍窗口',
    person: ['household', 'housing'],
    form: [
      ...f.applicant(),
      f.householdAddress(),
      f.select(
        'move_reason',
        '迁移原因',
        ['购房（住所）落户', '租赁住所落户', '夫妻投靠', '父母投靠子女', '子女投靠父母', '就业创业落户', '毕业生落户'],
        true,
        { group: '迁移信息' },
      ),
      f.address('move_to_address', '拟迁入地址', true, { group: '迁移信息' }),
      f.number('move_with_count', '随迁人数', false, { group: '迁移信息' }),
    ],
    faqs: [
      faq(
        '外省户口迁来云浮，还要回老家开迁移证吗？',
        '不需要。自2023年起户口迁移实行跨省“一站式”办理，只需在云浮迁入地派出所申请，迁入地与迁出地网上核验，不再开具纸质迁移证。',
      ),
      faq('租房可以落户吗？', '可以。在本市城镇地区有合法稳定住所（含租赁）的人员，可凭房屋租赁登记备案凭证申请落户。'),
    ],
  }),
  d.item({
    key: 'gaj.hukou.move-out',
    no: 2,
    child: 3,
    name: '户口迁出（省内迁出）',
    aliases: ['迁出户口', '户口迁走', '开迁移证'],
    keywords: ['户口迁出', '迁移证', '省内迁移'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第十条',
        '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。',
      ),
    ],
    conditions: [
      '本市常住户口人员，已取得迁入地公安机关准予迁入的意见',
      '省内迁移已实现网上迁移的，由迁入地直接办理，无需到迁出地办理',
    ],
    materials: [
      m.id('迁移人'),
      m.hukou('迁移人'),
      m.opt('准予迁入证明', '迁入地未实现网上迁移的提供', { source: 'government', sourceNote: '迁入地公安机关出具' }),
    ],
    statutory: 5,
    promised: 0,
    depth: 3,
    visits: 1,
    visitReason: '需交回户口簿本人页并签收迁移证件',
    result: '户口迁移证',
    person: ['household'],
    form: [...f.applicant(), f.householdAddress(), f.address('move_to_address', '迁往地址', true)],
    faqs: [
      faq('迁去广州、深圳需要回云浮办迁出吗？', '省内迁移已实现“网上迁移”，在迁入地派出所申请即可，无需回云浮办理迁出手续。'),
    ],
  }),
  d.item({
    key: 'gaj.hukou.death-cancel',
    no: 2,
    child: 4,
    name: '死亡人员户口注销',
    aliases: ['人去世了注销户口', '销户', '死亡销户', '老人走了户口怎么办'],
    keywords: ['死亡', '注销户口', '身后事', '一件事'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第八条',
        '公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。',
      ),
    ],
    conditions: ['本市户籍人员死亡', '由户主、亲属、抚养人或邻居申报'],
    materials: [
      m.shared('居民死亡医学证明（推断）书', 'population.death_record', '医疗机构、卫生健康部门死亡信息共享', {
        note: '非正常死亡的提供公安机关出具的死亡证明',
      }),
      m.id('申报人'),
      m.own('死者居民身份证及户口簿', {
        note: '交回居民身份证；户口簿用于加注死亡注销',
        requirement: '身份证遗失的由申报人书面说明',
      }),
    ],
    statutory: 0,
    promised: 0,
    depth: 3,
    visits: 1,
    visitReason: '需交回死者居民身份证',
    result: '户口注销证明',
    resultType: 'certificate',
    person: ['death', 'household'],
    form: [
      ...f.applicant(),
      f.text('deceased_name', '死者姓名', true),
      f.idOf('deceased_id_number', '死者身份证号码'),
      f.date('death_date', '死亡日期'),
    ],
    faqs: [faq('死亡注销户口需要多长时间？', '材料齐全当场办结。通过“身后一件事”可同时办理医保、社保、公积金等相关业务。')],
  }),
  d.item({
    key: 'gaj.hukou.name-change',
    no: 2,
    child: 5,
    name: '变更姓名',
    aliases: ['改名字', '改名', '小孩改名', '更改姓名'],
    keywords: ['变更姓名', '改名', '户口变更'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第十八条',
        '公民变更姓名，依照下列的规定办理：一、未满十八周岁的人需要变更姓名的时候，由本人或者父母、收养人向户口登记机关申请变更登记；二、十八周岁以上的人需要变更姓名的时候，由本人向户口登记机关申请变更登记。',
      ),
    ],
    conditions: ['本市常住户口人员', '未满十八周岁的由父母或收养人申请，需父母双方同意；十八周岁以上的由本人申请，并有正当理由'],
    refusals: ['正在被侦查、起诉、审判或服刑期间的', '变更后的姓名违反公序良俗的'],
    materials: [
      m.id('申请人'),
      m.hukou('申请人'),
      m.form('《变更姓名申请表》'),
      m.opt('父母双方同意变更的书面意见', '未成年人变更姓名的提供'),
      m.opt('离婚协议或判决书', '父母离婚后变更子女姓氏的提供', { kind: 'copy' }),
    ],
    statutory: 20,
    promised: 10,
    depth: 3,
    visits: 1,
    visitReason: VISIT.inPerson,
    result: '户口簿（变更后本人页）',
    resultType: 'certificate',
    person: ['household'],
    form: [...f.applicant(), f.text('new_name', '拟变更姓名'), f.textarea('change_reason', '变更理由')],
    faqs: [
      faq('改名后身份证、社保卡要重新办吗？', '变更姓名后需换领居民身份证，并凭变更证明到社保、银行、不动产等部门办理信息变更。'),
    ],
  }),
  d.item({
    key: 'gaj.hukou.proof',
    no: 2,
    child: 6,
    name: '户籍类证明开具（亲属关系、注销户口、户籍信息证明）',
    aliases: ['户籍证明', '开户籍证明', '亲属关系证明', '销户证明', '户口证明'],
    keywords: ['户籍证明', '亲属关系', '跨省通办', '电子证明'],
    type: '21',
    region: YUNCHENG,
    basis: [
      impl(
        '公安机关户籍证明事项清理规范要求',
        '',
        '公安机关对户籍管理中形成的户籍信息，根据当事人申请出具证明；对能通过部门间信息共享核验的，不再要求群众开具证明。',
      ),
    ],
    conditions: ['本人或其近亲属因办理继承、公证等事项需要户籍证明', '能通过数据共享核验的事项，办事部门不得要求开具证明'],
    materials: [
      m.id('申请人'),
      m.opt('用途说明或需要证明单位的函件', '办理公证、继承等事项的提供'),
      m.opt('亲属关系材料', '开具亲属关系证明的提供户口簿、结婚证等'),
    ],
    statutory: 0,
    promised: 0,
    depth: 4,
    marks: 'hf crossProvince nationwide mobile',
    result: '户籍证明',
    process: [
      '申请：在粤省事或公安“一网通办”选择证明类型并填写用途',
      '审核：户籍民警在线核验户籍档案',
      '办结：出具电子证明，可在线下载打印或由办事部门核验',
    ],
    person: ['household', 'death'],
    form: [
      ...f.applicant(),
      f.select('proof_type', '证明类型', ['户籍信息证明', '亲属关系证明', '注销户口证明', '曾用名证明']),
      f.textarea('proof_purpose', '证明用途'),
    ],
    faqs: [
      faq(
        '在外省工作，怎么开云浮的户籍证明？',
        '户籍类证明已实现跨省通办，可在工作地派出所或通过“公安一网通办”线上申请，出具电子证明。',
      ),
    ],
  }),
  d.item({
    key: 'gaj.residence-permit',
    no: 3,
    name: '居住证申领',
    aliases: ['办居住证', '暂住证', '外地人居住证', '流动人口居住登记'],
    keywords: ['居住证', '居住登记', '流动人口', '积分入学'],
    type: '07',
    basis: [
      law(
        '居住证暂行条例',
        '第二条',
        '公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。',
        { docNumber: '国务院令第663号' },
      ),
      law(
        '居住证暂行条例',
        '第九条',
        '申领居住证，应当向居住地公安派出所或者受公安机关委托的社区服务机构提交本人居民身份证、本人相片以及居住地住址、就业、就读等证明材料。',
      ),
      impl('广东省流动人口服务管理条例', '', '流动人口在居住地办理居住登记满六个月，符合条件的，可以申领居住证。'),
    ],
    conditions: ['非本市户籍，在本市已办理居住登记满半年', '有合法稳定就业、合法稳定住所、连续就读条件之一'],
    materials: [
      m.id('申请人'),
      m.photo('近期正面免冠白底彩色照片，或现场采集', 0, { necessity: 'optional', note: '现场采集或使用身份证照片的无需提交' }),
      m.own('居住地住址证明', {
        note: '自有住房提供不动产权证书，租赁提供租赁合同或租赁登记备案凭证',
        replacedByBaseField: 'geo.real_estate_rights',
      }),
      m.opt('就业或就读证明', '以就业申领的提供劳动合同或营业执照（可共享社保参保信息），以就读申领的提供学校证明', {
        replacedByBaseField: 'subject.social_insurance',
      }),
    ],
    statutory: 15,
    statutoryNote: '《居住证暂行条例》：受理之日起15日内制作发放',
    promised: 10,
    depth: 4,
    marks: 'hf mobile',
    result: '广东省居住证',
    resultLicense: LT.RESIDENCE_PERMIT,
    person: ['household', 'housing'],
    form: [
      ...f.applicant(),
      f.address('residence_address', '居住地址'),
      f.select('residence_basis', '申领条件', ['合法稳定就业', '合法稳定住所', '连续就读']),
      f.text('employer', '工作单位', false),
    ],
    faqs: [
      faq(
        '办居住证有什么用？',
        '持居住证可在居住地享受义务教育、基本公共就业服务、基本公共卫生服务等，并作为随迁子女积分入学、申请公租房等的依据。',
      ),
    ],
  }),
  d.item({
    key: 'gaj.hukou.registration-correction',
    no: 2,
    child: 7,
    name: '户口登记项目变更更正（出生日期、民族、文化程度等）',
    aliases: ['改出生日期', '户口信息错了', '更正户口', '改民族'],
    keywords: ['户口', '变更更正', '出生日期'],
    type: '07',
    region: YUNCHENG,
    basis: [
      law(
        HUKOU_LAW,
        '第十七条',
        '户口登记的内容需要变更或者更正的时候，由户主或者本人向户口登记机关申报；户口登记机关审查属实后予以变更或者更正。',
      ),
    ],
    conditions: ['本市常住户口人员户口登记项目有误或需变更', '有能够证明变更更正事由的原始材料'],
    materials: [
      m.id('申请人'),
      m.hukou('申请人'),
      m.own('变更更正依据材料', {
        note: '更正出生日期提供出生医学证明、入学入伍等原始档案材料；更正文化程度提供学历证书',
        replacedByBaseField: 'population.education',
      }),
    ],
    statutory: 20,
    promised: 15,
    promisedNote: '需调查核实的，调查时间不计入',
    depth: 3,
    visits: 1,
    visitReason: '需交回户口簿本人页并核验原始材料',
    special: [{ name: '调查核实', limit: '不超过30日', counted: false }],
    result: '户口簿（变更后本人页）',
    resultType: 'certificate',
    person: ['household'],
    form: [
      ...f.applicant(),
      f.select('correction_item', '变更更正项目', ['出生日期', '民族', '文化程度', '服务处所', '婚姻状况', '其他']),
      f.text('correct_value', '变更更正后内容'),
      f.textarea('correction_reason', '变更更正理由'),
    ],
    faqs: [
      faq(
        '出生日期错了能改吗？',
        '有出生医学证明、早期入学档案等原始材料证明户口登记出生日期有误的，可申请更正；无原始依据的不予更正。',
      ),
    ],
  }),
];
