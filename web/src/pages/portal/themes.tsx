import {
  AccountBookOutlined,
  AlertOutlined,
  AppstoreOutlined,
  BankOutlined,
  BuildOutlined,
  CarOutlined,
  CoffeeOutlined,
  ContactsOutlined,
  CrownOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FlagOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  MoneyCollectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Audience, EntityTheme, PersonTheme } from '../../../../src/modules/catalog/api.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';

/**
 * How each theme of the catalogue's dictionary (src/modules/catalog/themes.ts) looks on a tile.
 * Typed by the dictionary, so a theme added there fails the build here until it has a look.
 */
export interface ThemeLook {
  icon: ReactNode;
  color: string;
}

const PERSON: Record<PersonTheme, ThemeLook> = {
  birth: { icon: <SmileOutlined />, color: '#f5729b' },
  household: { icon: <ContactsOutlined />, color: '#6366f1' },
  education: { icon: <ReadOutlined />, color: '#3b82f6' },
  employment: { icon: <SolutionOutlined />, color: '#0ea5e9' },
  marriage: { icon: <HeartOutlined />, color: '#ef4444' },
  social_insurance: { icon: <SafetyOutlined />, color: '#10b981' },
  medical: { icon: <MedicineBoxOutlined />, color: '#14b8a6' },
  pension: { icon: <CoffeeOutlined />, color: '#f59e0b' },
  housing: { icon: <HomeOutlined />, color: '#8b5cf6' },
  property: { icon: <BankOutlined />, color: '#a16207' },
  travel: { icon: <CarOutlined />, color: '#64748b' },
  social_assistance: { icon: <TeamOutlined />, color: '#e11d48' },
  veterans: { icon: <FlagOutlined />, color: '#b91c1c' },
  disability: { icon: <UsergroupAddOutlined />, color: '#0891b2' },
  exit_entry: { icon: <GlobalOutlined />, color: '#2563eb' },
  legal_service: { icon: <SafetyCertificateOutlined />, color: '#475569' },
  culture: { icon: <TrophyOutlined />, color: '#c026d3' },
  agriculture: { icon: <EnvironmentOutlined />, color: '#65a30d' },
  death: { icon: <CrownOutlined />, color: '#6b7280' },
  other: { icon: <AppstoreOutlined />, color: '#94a3b8' },
};

const ENTITY: Record<EntityTheme, ThemeLook> = {
  start_business: { icon: <ShopOutlined />, color: '#1456b8' },
  qualification: { icon: <SafetyCertificateOutlined />, color: '#059669' },
  construction: { icon: <BuildOutlined />, color: '#f97316' },
  tax: { icon: <AccountBookOutlined />, color: '#dc2626' },
  employment: { icon: <UsergroupAddOutlined />, color: '#0891b2' },
  trade: { icon: <GlobalOutlined />, color: '#7c3aed' },
  food_drug: { icon: <ExperimentOutlined />, color: '#ea580c' },
  health: { icon: <MedicineBoxOutlined />, color: '#14b8a6' },
  environment: { icon: <EnvironmentOutlined />, color: '#16a34a' },
  transport: { icon: <CarOutlined />, color: '#64748b' },
  safety: { icon: <AlertOutlined />, color: '#d97706' },
  culture_tourism: { icon: <TrophyOutlined />, color: '#c026d3' },
  agriculture: { icon: <EnvironmentOutlined />, color: '#65a30d' },
  finance_support: { icon: <MoneyCollectOutlined />, color: '#ca8a04' },
  social_organization: { icon: <TeamOutlined />, color: '#0d9488' },
  property: { icon: <BankOutlined />, color: '#a16207' },
  education: { icon: <ReadOutlined />, color: '#3b82f6' },
  deregistration: { icon: <StopOutlined />, color: '#6b7280' },
  other: { icon: <AppstoreOutlined />, color: '#94a3b8' },
};

const FALLBACK: ThemeLook = { icon: <AppstoreOutlined />, color: '#94a3b8' };
const TABLES: Record<Audience, Record<string, ThemeLook>> = { person: PERSON, entity: ENTITY };

export function themeLook(audience: Audience, code: string): ThemeLook {
  return TABLES[audience][code] ?? FALLBACK;
}

/** Whether the dictionary has the theme (the tables above hold exactly its codes). */
export const isKnownTheme = (audience: string, code: string): audience is Audience =>
  (audience === 'person' || audience === 'entity') && Object.hasOwn(TABLES[audience], code);

export function themeName(tx: I18n['tx'], audience: Audience, code: string): string {
  return tx(`portalBrowse.themes.${audience}.${code}`, code);
}

/** The home page's tiles (what people look for most), before 全部主题. */
export const FEATURED: { person: PersonTheme[]; entity: EntityTheme[] } = {
  // with 全部主题, four full rows of four on a phone: eleven and seven
  person: ['birth', 'household', 'education', 'employment', 'marriage', 'social_insurance', 'medical', 'pension', 'housing', 'property', 'travel'],
  entity: ['start_business', 'qualification', 'construction', 'tax', 'employment', 'food_drug', 'deregistration'],
};

export const themePath = (audience: Audience, code: string) => `/services/${audience}/${code}`;
