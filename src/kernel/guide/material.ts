import { Type, type Static } from 'typebox';

// One entry of a service guide's material list (申请材料, STANDARDS.md §2.3). The catalogue
// authors it; cases attach files to it by key, show it at the window and waive it (免提交, 免证办).

/** 材料必要性: 必要 / 非必要 / 容缺 (may follow after acceptance). */
export const NECESSITIES = ['required', 'optional', 'deferrable'] as const;
/** 材料类型. */
export const MATERIAL_KINDS = ['original', 'copy', 'original_and_copy'] as const;
/** 材料形式. */
export const MATERIAL_FORMS = ['paper', 'electronic', 'paper_or_electronic'] as const;
/** 来源渠道: 申请人自备 / 政府部门核发 / 中介机构 / 共享获取. */
export const MATERIAL_SOURCES = ['applicant', 'government', 'intermediary', 'data_sharing'] as const;

const Str = (maxLength: number, extra: Record<string, unknown> = {}) => Type.String({ maxLength, ...extra });
const Opt = Type.Optional;

export const Material = Type.Object(
  {
    /** Stable key within the item (bundles deduplicate by it or by name; cases attach files to it). */
    key: Opt(Str(60, { pattern: '^[A-Za-z0-9_.-]+$' })),
    name: Str(200, { minLength: 1 }),
    necessity: Type.Enum(NECESSITIES),
    kind: Type.Enum(MATERIAL_KINDS),
    form: Type.Enum(MATERIAL_FORMS),
    /** 纸质份数 (0 when only electronic). */
    count: Opt(Type.Integer({ minimum: 0, maximum: 100 })),
    paperSpec: Opt(Str(50)),
    source: Type.Enum(MATERIAL_SOURCES),
    sourceNote: Opt(Str(200)),
    /** A base-library field whose data replaces the material (免提交). */
    replacedByBaseField: Opt(Str(100, { minLength: 1 })),
    /** A licence type whose e-licence replaces the material (免证办). */
    replacedByLicenseType: Opt(Str(40, { minLength: 1 })),
    blankFormFile: Opt(Str(200)),
    sampleFile: Opt(Str(200)),
    requirement: Opt(Str(1000)),
    notes: Opt(Str(1000)),
    basis: Opt(Str(500)),
  },
  { additionalProperties: false },
);
export type Material = Static<typeof Material>;

/**
 * How the platform obtains a material itself (免提交), if it does: `data` — shared data or a
 * base-library field, for every applicant; `licence` — an e-licence of the named type, for an
 * applicant whose wallet holds a valid one (others are asked for the material). The guide
 * claims no more than this and the application asks for no less.
 */
export function fetchedBy(m: Pick<Material, 'source' | 'replacedByBaseField' | 'replacedByLicenseType'>): 'data' | 'licence' | undefined {
  if (m.source === 'data_sharing' || m.replacedByBaseField) return 'data';
  return m.replacedByLicenseType ? 'licence' : undefined;
}
