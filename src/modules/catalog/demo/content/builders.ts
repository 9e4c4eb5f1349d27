/**
 * Small builders for the parts of a guide that many demo items write alike, so each fact of a
 * guide stays one line and a city changes a shared wording in one place.
 */
import type { DemoFaq, DemoLegalBasis } from '../types.ts';
import { law, type ItemSpec } from './define.ts';

/** One 常见问题 of a guide. */
export const faq = (question: string, answer: string): DemoFaq => ({ question, answer });

/** Citations of one law that a department cites often: `const siLaw = citing(SI_LAW)`, then `siLaw('第五十七条', text)`. */
export const citing =
  (lawName: string, extra: Partial<DemoLegalBasis> = {}) =>
  (article: string, text: string, more: Partial<DemoLegalBasis> = {}): DemoLegalBasis =>
    law(lawName, article, text, { ...extra, ...more });

/** 国务院令第412号: the State Council decision that keeps the licences no law sets up. */
export const licensingDecision = citing('国务院对确需保留的行政审批项目设定行政许可的决定', { docNumber: '国务院令第412号' });

/**
 * The service marks of a guide (高频, 即办, 掌上办, 跨省通办…) written on one line as words, e.g.
 * `marks: 'hf instant mobile'`; each word sets the item specification's option of the same name.
 */
const MARKS = {
  hf: { hf: true },
  instant: { instant: true },
  mobile: { mobile: true },
  kiosk: { kiosk: true },
  commitment: { commitment: true },
  crossProvince: { crossProvince: true },
  nationwide: { crossScope: 'nation' },
  ownWindow: { generalWindow: false },
  onlinePayment: { onlinePayment: true },
} as const satisfies Record<string, Partial<ItemSpec>>;

/** The specification with its marks spelt out as options; an unknown word is a content error. */
export function withMarks(spec: ItemSpec): ItemSpec {
  if (spec.marks === undefined) return spec;
  const options: Partial<ItemSpec> = {};
  for (const word of spec.marks.split(' ')) {
    if (!Object.hasOwn(MARKS, word)) throw new Error(`${spec.key}: unknown mark ${word}`);
    Object.assign(options, MARKS[word as keyof typeof MARKS]);
  }
  return { ...spec, ...options };
}

/** 一般程序 行政处罚: decided within 90 days of filing; the party is questioned and signs in person. */
export const PENALTY = {
  statutory: 90,
  promised: 90,
  depth: 1,
  visits: 1,
  visitReason: '当事人需接受调查询问并签收执法文书',
  result: '行政处罚决定书',
} satisfies Partial<ItemSpec>;

/** The 特别程序 most on-site licences need: a 现场核查 counted in the time limit. */
export const SITE_CHECK: NonNullable<ItemSpec['special']>[number] = { name: '现场核查', counted: true };
