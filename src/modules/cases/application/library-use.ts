import type { Queryable } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { libraryValues, type FillRequest, type LibraryFill } from '../../data/index.ts';
import { enterpriseById, personIdNumberIndex } from '../../identity/index.ts';
import { departmentRefsById } from '../../org/index.ts';
import type { ItemContent, PublishedVersion } from '../../catalog/index.ts';
import type { CaseRow, PrefilledFrom } from '../model.ts';
import { baseLibraryKeys, prefilledFrom, prefillValues, type PrefillSources } from './form.ts';

/** Whom the libraries are asked about: a case's applicant, or the applicant a clerk or a bundle is about to apply for. */
export type LibrarySubject = Pick<CaseRow, 'applicant_person_id' | 'applicant_enterprise_id'>;

/**
 * Whom a case is about, as the base libraries find them: the applicant person by identity's blind
 * index of their ID number (the libraries' key index for ID numbers), or the enterprise by its
 * 统一社会信用代码. Nothing is read in clear.
 */
export async function caseSubject(q: Queryable, c: LibrarySubject) {
  const personIndex = c.applicant_person_id ? ((await personIdNumberIndex(q, c.applicant_person_id)) ?? null) : null;
  const uscc = c.applicant_enterprise_id ? ((await enterpriseById(q, c.applicant_enterprise_id))?.uscc ?? null) : null;
  return { personIndex, uscc };
}

type Use = FillRequest['use'];

/** The system a read goes through, as the ledger names it: the portal, or a clerk at a hall's window. */
const SYSTEMS: Record<CaseRow['channel'], string> = { online: '一网通办', window: '一网通办（窗口受理）' };

const basisOf = (v: PublishedVersion) => {
  const basis = v.content.legalBasis?.[0];
  return basis ? [basis.law, basis.article].filter(Boolean).join(' ') : null;
};

/**
 * What a read of the libraries for an application is, as the applicant's ledger records it: the
 * item's department through the portal or the window, for the item, on the item's (first) legal basis.
 */
export async function libraryUse(
  q: Queryable,
  v: PublishedVersion,
  what: '免填报' | '免提交',
  channel: CaseRow['channel'] = 'online',
): Promise<Use> {
  const department = (await departmentRefsById(q, [v.departmentId])).get(v.departmentId);
  return {
    departmentId: v.departmentId,
    departmentName: department?.name ?? '',
    system: SYSTEMS[channel],
    purpose: `办理“${v.name}”（${what}）`,
    legalBasis: basisOf(v),
  };
}

/**
 * The same for a 一件事's merged form, read once for all its members: the lead department (else
 * the first member's), for the bundle, on the members' legal bases.
 */
export async function bundleLibraryUse(
  q: Queryable,
  bundle: { name: string; leadDepartmentId: string | null },
  versions: readonly PublishedVersion[],
): Promise<Use> {
  const departmentId = bundle.leadDepartmentId ?? versions[0]?.departmentId ?? null;
  const department = departmentId ? (await departmentRefsById(q, [departmentId])).get(departmentId) : undefined;
  const bases = [...new Set(versions.flatMap((v) => basisOf(v) ?? []))];
  return {
    departmentId,
    departmentName: department?.name ?? '',
    system: SYSTEMS.online,
    purpose: `办理“${bundle.name}”（免填报）`,
    legalBasis: bases.length ? bases.join('；') : null,
  };
}

/**
 * 免填报 from the base libraries: one read of what the libraries hold about the applicant for the
 * base-library keys of the forms given (an item's, or every member's of a 一件事), written to the
 * applicant's ledger as `use` says; the values by key. Nothing is read when no form asks.
 */
export async function fillFromLibraries(
  q: Queryable,
  pii: PersonalData,
  contents: readonly ItemContent[],
  sources: PrefillSources,
  use: () => Promise<Use>,
): Promise<Map<string, LibraryFill>> {
  const keys = [...new Set(contents.flatMap(baseLibraryKeys))];
  if (!keys.length || (!sources.person && !sources.enterprise)) return new Map();
  return libraryValues(q, pii, { keys, idNumber: sources.person?.idNumber, uscc: sources.enterprise?.uscc, use: await use() });
}

/**
 * An item's form as the platform fills it for an applicant, online or at a window: the identity's
 * values and the libraries' (read for the item's department on the item's legal basis, in the
 * applicant's ledger), and which field came from which resource (`case_record.prefilled_from`).
 */
export async function prefillItem(
  q: Queryable,
  pii: PersonalData,
  v: PublishedVersion,
  sources: PrefillSources,
  channel: CaseRow['channel'],
): Promise<{ values: Record<string, string>; from: Record<string, PrefilledFrom> }> {
  const library = await fillFromLibraries(q, pii, [v.content], sources, () => libraryUse(q, v, '免填报', channel));
  return { values: prefillValues(v.content, { ...sources, library }), from: prefilledFrom(v.content, library) };
}
