import type { ItemContent } from './content.ts';

/**
 * A complete item content that passes every quality rule (食品经营许可 新办, city level). Tests
 * and the editor's "new item" template start from it.
 */
export function sampleContent(overrides: Partial<ItemContent> = {}): ItemContent {
  return {
    name: '食品经营许可（新办）',
    aliases: ['开饭店', '餐饮许可证', '食品经营许可证办理'],
    keywords: ['餐饮', '饭店', '食品销售'],
    typeCode: '01',
    legalBasis: [
      {
        law: '中华人民共和国食品安全法',
        kind: 'setting',
        article: '第三十五条',
        text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。',
      },
    ],
    level: '3',
    subjectNature: 'statutory',
    serviceObjects: ['enterprise', 'unincorporated'],
    conditions: ['具有与经营的食品品种、数量相适应的经营场所', '有食品安全管理人员和保证食品安全的规章制度'],
    materials: [
      {
        key: 'application',
        name: '食品经营许可申请书',
        necessity: 'required',
        kind: 'original',
        form: 'paper_or_electronic',
        count: 1,
        source: 'applicant',
      },
      {
        key: 'business_license',
        name: '营业执照',
        necessity: 'required',
        kind: 'copy',
        form: 'electronic',
        count: 0,
        source: 'data_sharing',
        replacedByBaseField: 'legal_entity.registration',
      },
      {
        key: 'layout',
        name: '经营场所平面布局图',
        necessity: 'deferrable',
        kind: 'original',
        form: 'paper_or_electronic',
        count: 1,
        source: 'applicant',
      },
    ],
    fees: { charged: false },
    statutoryLimit: { immediate: false, days: 20 },
    promisedLimit: { immediate: false, days: 5 },
    caseType: 'promised',
    channels: ['window', 'online', 'mobile'],
    onlineDepth: { national: [1, 2, 3, 4, 5, 6, 7], level: 4 },
    visits: 0,
    visitReason: '无',
    halls: [{ name: '云浮市政务服务中心', address: '云浮市行政服务大道1号', windows: ['A01'], hours: '周一至周五 9:00-12:00 14:30-17:30' }],
    appointment: { supported: true },
    mail: { materials: true, results: true },
    flags: { highFrequency: true, noFill: true, noSubmit: false, noLicense: false, noTrip: true, generalWindow: true, sso: true, mobile: true },
    result: { type: 'certificate', name: '食品经营许可证', delivery: ['邮寄', '窗口领取'] },
    faqs: [{ q: '开饭店需要办什么证？', a: '从事餐饮服务应取得营业执照和食品经营许可证。' }],
    themes: { entity: ['food_drug', 'start_business'] },
    process: { steps: [{ name: '申请' }, { name: '受理' }, { name: '审查' }, { name: '决定' }, { name: '送达' }] },
    contact: { consultPhone: '0766-8224101', complaintPhone: '0766-8224109' },
    hours: '周一至周五 9:00-12:00 14:30-17:30',
    form: {
      schema: {
        type: 'object',
        properties: {
          entity_name: { type: 'string', title: '经营者名称' },
          uscc: { type: 'string', title: '统一社会信用代码' },
          address: { type: 'string', title: '经营场所' },
        },
        required: ['entity_name', 'uscc', 'address'],
      },
      fields: {
        entity_name: { prefill: { source: 'identity', claim: 'entity_name' }, order: 1 },
        uscc: { prefill: { source: 'identity', claim: 'uscc' }, order: 2 },
        address: { order: 3, widget: 'address' },
      },
    },
    ...overrides,
  };
}
