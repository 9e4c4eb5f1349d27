/**
 * 主题分类: the themes the portal browses by, for individuals (个人办事) and legal entities
 * (法人办事), after the national platform's theme lists as the demo city uses them. An item names
 * its themes in `content.themes.person` / `.entity`, a bundle in `content.theme` with its
 * audience. The order here is the portal's order. Pure data: the web app reads the type.
 */
export const PERSON_THEMES = [
  'birth',
  'household',
  'education',
  'employment',
  'marriage',
  'social_insurance',
  'medical',
  'pension',
  'housing',
  'property',
  'travel',
  'social_assistance',
  'veterans',
  'disability',
  'exit_entry',
  'legal_service',
  'culture',
  'agriculture',
  'death',
  'other',
] as const;

export const ENTITY_THEMES = [
  'start_business',
  'qualification',
  'construction',
  'tax',
  'employment',
  'trade',
  'food_drug',
  'health',
  'environment',
  'transport',
  'safety',
  'culture_tourism',
  'agriculture',
  'finance_support',
  'social_organization',
  'property',
  'education',
  'deregistration',
  'other',
] as const;

export const AUDIENCES = ['person', 'entity'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type PersonTheme = (typeof PERSON_THEMES)[number];
export type EntityTheme = (typeof ENTITY_THEMES)[number];
export type ThemeCode = PersonTheme | EntityTheme;

export const THEMES_OF: Record<Audience, readonly ThemeCode[]> = { person: PERSON_THEMES, entity: ENTITY_THEMES };

/** Whether a code is a theme of the audience (of either when none is given). */
export function isTheme(code: string, audience?: Audience): boolean {
  const lists = audience ? [THEMES_OF[audience]] : [PERSON_THEMES, ENTITY_THEMES];
  return lists.some((list) => (list as readonly string[]).includes(code));
}

/** 可网办: from 在线受理 (online depth Ⅲ) up an application can be submitted online. */
export const ONLINE_APPLY_LEVEL = 3;
