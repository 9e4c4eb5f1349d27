import enBase from './en-US.json';
import casesEn from './cases.en-US.json';
import casesBundleEn from './cases-bundle.en-US.json';
import casesBundleZh from './cases-bundle.zh-CN.json';
import casesResultsEn from './cases-results.en-US.json';
import casesResultsZh from './cases-results.zh-CN.json';
import casesResultsBlockedEn from './cases-results-blocked.en-US.json';
import casesResultsBlockedZh from './cases-results-blocked.zh-CN.json';
import casesZh from './cases.zh-CN.json';
import casesMessagesEn from './cases-messages.en-US.json';
import casesMessagesZh from './cases-messages.zh-CN.json';
import casesStatsEn from './cases-stats.en-US.json';
import casesStatsZh from './cases-stats.zh-CN.json';
import casesWindowEn from './cases-window.en-US.json';
import casesWindowZh from './cases-window.zh-CN.json';
import casesWorkflowZh from './cases-workflow.zh-CN.json';
import casesWorkflowEn from './cases-workflow.en-US.json';
import catalogEn from './catalog.en-US.json';
import cockpitFiguresEn from './cockpit-figures.en-US.json';
import cockpitFiguresZh from './cockpit-figures.zh-CN.json';
import catalogZh from './catalog.zh-CN.json';
import catalogWorkflowEn from './catalog-workflow.en-US.json';
import catalogWorkflowZh from './catalog-workflow.zh-CN.json';
import catalogHallsEn from './catalog-halls.en-US.json';
import catalogHallsZh from './catalog-halls.zh-CN.json';
import catalogResultZh from './catalog-result.zh-CN.json';
import catalogResultEn from './catalog-result.en-US.json';
import dataEn from './data.en-US.json';
import dataZh from './data.zh-CN.json';
import dataLedgerEn from './data-ledger.en-US.json';
import dataLedgerZh from './data-ledger.zh-CN.json';
import zhBase from './zh-CN.json';
import hotlineEn from './hotline.en-US.json';
import hotlineZh from './hotline.zh-CN.json';
import hotlineReportsEn from './hotline-reports.en-US.json';
import hotlineReportsZh from './hotline-reports.zh-CN.json';
import hotlineHandlingEn from './hotline-handling.en-US.json';
import hotlineHandlingZh from './hotline-handling.zh-CN.json';
import hotlineKnowledgeEn from './hotline-knowledge.en-US.json';
import hotlineKnowledgeZh from './hotline-knowledge.zh-CN.json';
import guideProcessEn from './guide-process.en-US.json';
import guideProcessZh from './guide-process.zh-CN.json';
import caseTimelineEn from './case-timeline.en-US.json';
import casePageEn from './case-page.en-US.json';
import casePageZh from './case-page.zh-CN.json';
import caseTimelineZh from './case-timeline.zh-CN.json';
import orgOtherNamesEn from './org-other-names.en-US.json';
import orgOtherNamesZh from './org-other-names.zh-CN.json';
import identityEn from './identity.en-US.json';
import identityZh from './identity.zh-CN.json';
import identityWindowEn from './identity-window.en-US.json';
import identityWindowZh from './identity-window.zh-CN.json';
import licenseEn from './license.en-US.json';
import licenseTypesEn from './license-types.en-US.json';
import licenseTypesZh from './license-types.zh-CN.json';
import licenseZh from './license.zh-CN.json';
import openDataEn from './open-data.en-US.json';
import openDataZh from './open-data.zh-CN.json';
import paymentEn from './payment.en-US.json';
import portalBrowseEn from './portal-browse.en-US.json';
import portalBrowseZh from './portal-browse.zh-CN.json';
import paymentZh from './payment.zh-CN.json';
import paymentUnitsEn from './payment-units.en-US.json';
import paymentUnitsZh from './payment-units.zh-CN.json';
import ratingsEn from './ratings.en-US.json';
import ratingsZh from './ratings.zh-CN.json';
import sealEn from './seal.en-US.json';
import sealZh from './seal.zh-CN.json';
import staffMessagesEn from './staffMessages.en-US.json';
import staffMessagesZh from './staffMessages.zh-CN.json';
import verifyPackageEn from './verify-package.en-US.json';
import verifyPackageZh from './verify-package.zh-CN.json';

// Each capability keeps its own namespace file (`<ns>.zh-CN.json`, `<ns>.en-US.json`) so work on
// one area does not edit a shared file; add the pair here as `{ ...base, <ns>: nsMessages }`.
const zhCN = {
  ...zhBase,
  catalog: catalogZh,
  catalogWorkflow: catalogWorkflowZh,
  catalogHalls: catalogHallsZh,
  catalogResult: catalogResultZh,
  seal: sealZh,
  license: licenseZh,
  licenseTypes: licenseTypesZh,
  payment: paymentZh,
  identity: identityZh,
  identityWindow: identityWindowZh,
  cases: casesZh,
  casesBundle: casesBundleZh,
  casesWindow: casesWindowZh,
  casesResults: casesResultsZh,
  casesStats: casesStatsZh,
  ratings: ratingsZh,
  casesWorkflow: casesWorkflowZh,
  casesMessages: casesMessagesZh,
  staffMessages: staffMessagesZh,
  verifyPackage: verifyPackageZh,
  cockpitFigures: cockpitFiguresZh,
  paymentUnits: paymentUnitsZh,
  portalBrowse: portalBrowseZh,
  guideProcess: guideProcessZh,
  caseTimeline: caseTimelineZh,
  casePage: casePageZh,
  casesResultsBlocked: casesResultsBlockedZh,
  orgOtherNames: orgOtherNamesZh,
  data: dataZh,
  dataLedger: dataLedgerZh,
  openData: openDataZh,
  hotline: hotlineZh,
  hotlineHandling: hotlineHandlingZh,
  hotlineReports: hotlineReportsZh,
  hotlineKnowledge: hotlineKnowledgeZh,
};
const enUS = {
  ...enBase,
  catalog: catalogEn,
  catalogWorkflow: catalogWorkflowEn,
  catalogHalls: catalogHallsEn,
  catalogResult: catalogResultEn,
  seal: sealEn,
  license: licenseEn,
  licenseTypes: licenseTypesEn,
  payment: paymentEn,
  identity: identityEn,
  identityWindow: identityWindowEn,
  cases: casesEn,
  casesBundle: casesBundleEn,
  casesWindow: casesWindowEn,
  casesResults: casesResultsEn,
  casesStats: casesStatsEn,
  ratings: ratingsEn,
  casesWorkflow: casesWorkflowEn,
  casesMessages: casesMessagesEn,
  staffMessages: staffMessagesEn,
  verifyPackage: verifyPackageEn,
  cockpitFigures: cockpitFiguresEn,
  paymentUnits: paymentUnitsEn,
  portalBrowse: portalBrowseEn,
  guideProcess: guideProcessEn,
  caseTimeline: caseTimelineEn,
  casePage: casePageEn,
  casesResultsBlocked: casesResultsBlockedEn,
  orgOtherNames: orgOtherNamesEn,
  data: dataEn,
  dataLedger: dataLedgerEn,
  openData: openDataEn,
  hotline: hotlineEn,
  hotlineHandling: hotlineHandlingEn,
  hotlineReports: hotlineReportsEn,
  hotlineKnowledge: hotlineKnowledgeEn,
};

/** The languages the UI ships in; the first is the default and must be complete. */
export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

type Messages = typeof zhCN;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
/** Every resource key, checked at compile time ("admin.menu.departments"). */
export type MessageKey = Paths<Messages>;
export type Params = Record<string, string | number>;

// Typed as zh-CN's shape: tsc fails when en-US misses a key.
const english: Messages = enUS;
const resources: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': english };

const STORAGE_KEY = 'yiwang.lang';

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translate a key; a key missing in English falls back to Chinese, never to the raw key text. */
export function translate(lang: Lang, key: string, params: Params = {}): string | undefined {
  const template = lookup(resources[lang], key) ?? lookup(resources['zh-CN'], key);
  return template === undefined ? undefined : interpolate(template, params);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function loadLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage unavailable (private mode): use the default
  }
  return 'zh-CN';
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the choice then lasts for this page only
  }
}
