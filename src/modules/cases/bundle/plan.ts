import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError, conflict, unprocessable } from '../../../kernel/errors.ts';
import { getBundle, getPublishedVersion, getVersionById, mergeBundle, type ItemContent, type PublishedVersion } from '../../catalog/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { libraryLacks, materialKeyOf, skippedMaterial } from '../application/materials.ts';
import { libraryHoldsFor } from '../application/material-status.ts';
import type { LibrarySubject } from '../application/library-use.ts';
import type { BundleForm, BundleMaterial } from './schemas.ts';
import type { PersonalKind } from '../../../kernel/guide/form.ts';
import { declaredKinds } from '../personal-form.ts';

/**
 * What applying for a 一件事 means for the cases module: the member items with their published
 * versions, one merged form whose fields map back to each item's own fields, and one list of
 * materials whose keys map back to each item's material keys. The merge itself is the
 * catalogue's (mergeBundle), so the guide page and the application ask the same questions.
 */

export interface MemberRef {
  position: number;
  itemId: string;
  itemCode: string;
  itemName: string;
  step: number;
  optional: boolean;
}

export interface PlanMember extends MemberRef {
  version: PublishedVersion;
}

export type { BundleMaterial };

export interface BundlePlan {
  members: PlanMember[];
  form: BundleForm;
  /** merged field name → the (member position, item field) pairs it fills. */
  fieldMap: Map<string, { position: number; field: string }[]>;
  materials: BundleMaterial[];
}

/**
 * The members an applicant applies for: every required item of the published bundle and the
 * optional ones chosen (by item id or code). Items of nested bundles follow their bundle member.
 */
export async function chooseMembers(q: Queryable, actor: Actor, bundleCode: string, optionalItems: readonly string[]) {
  const detail = await getBundle(q, actor, bundleCode);
  if (detail.bundle.status !== 'published') throw conflict('CASE_BUNDLE_NOT_PUBLISHED', { code: bundleCode });
  const byItem = new Map<string, { step: number; optional: boolean; published: boolean; code: string; name: string }>();
  for (const s of detail.steps)
    for (const m of s.members) if (m.kind === 'item') byItem.set(m.id, { step: s.step, optional: m.optional, published: m.published, code: m.code, name: m.name });
  const chosen = new Set(optionalItems);
  const unknown = optionalItems.filter((x) => ![...byItem.entries()].some(([id, m]) => m.optional && (id === x || m.code === x)));
  if (unknown.length) throw unprocessable('CASE_BUNDLE_OPTIONAL_UNKNOWN', { item: unknown.join(',') }, { optionalItems: unknown });
  for (const [id, m] of byItem)
    if (!m.optional && !m.published) throw conflict('CASE_BUNDLE_ITEM_UNAVAILABLE', { item: m.name }, { itemId: id, code: m.code });
  const members: MemberRef[] = [];
  for (const it of detail.items) {
    const m = byItem.get(it.itemId) ?? { step: 1, optional: false };
    if (m.optional && !chosen.has(it.itemId) && !chosen.has(it.code)) continue;
    members.push({ position: members.length + 1, itemId: it.itemId, itemCode: it.code, itemName: it.name, step: m.step, optional: m.optional });
  }
  return { bundle: detail.bundle, members };
}

/**
 * Reads the members' versions and merges their forms and materials: the current published ones
 * for a draft, the ones frozen into the member cases (position → version id) once submitted.
 * For an `applicant`, a material a served base library replaces is 免提交 only when the library
 * holds them, as each member's submission will check; without, the plan says what the platform
 * obtains for anyone its libraries hold.
 */
export async function planFor(
  q: Queryable,
  refs: readonly MemberRef[],
  frozen?: ReadonlyMap<number, string>,
  applicant?: { pii: PersonalData; subject: LibrarySubject },
): Promise<BundlePlan> {
  const members: PlanMember[] = [];
  for (const r of refs) {
    const versionId = frozen?.get(r.position);
    const version = (versionId && (await getVersionById(q, versionId))) || (await getPublishedVersion(q, r.itemId));
    members.push({ ...r, version });
  }
  const positionOf = new Map(members.map((m) => [m.itemId, m.position]));
  const merged = mergeBundle(members.map((m) => ({ itemId: m.itemId, code: m.itemCode, name: m.itemName, content: m.version.content })));

  const properties: BundleForm['schema']['properties'] = {};
  const required: string[] = [];
  const fields: Record<string, { order: number }> = {};
  const fieldMap = new Map<string, { position: number; field: string }[]>();
  merged.form.fields.forEach((f, i) => {
    properties[f.name] = f.schema;
    if (f.required) required.push(f.name);
    fields[f.name] = { order: i };
    fieldMap.set(f.name, f.askedBy.map((a) => ({ position: positionOf.get(a.itemId)!, field: a.field })));
  });

  const holds = applicant ? await libraryHoldsFor(q, applicant.pii, applicant.subject, merged.materials) : undefined;
  const materials = merged.materials.map((mm): BundleMaterial => {
    const neededBy = mm.neededBy.map((n) => {
      const member = members.find((m) => m.itemId === n.itemId)!;
      const defs = member.version.content.materials ?? [];
      const index = defs.findIndex((d) => d.name === n.material);
      return { position: member.position, itemName: member.itemName, materialKey: materialKeyOf(defs[index]!, index) };
    });
    const def = { ...mm } as unknown as NonNullable<ItemContent['materials']>[number];
    return {
      key: `${neededBy[0]!.position}.${neededBy[0]!.materialKey}`,
      name: mm.name,
      necessity: mm.necessity,
      source: mm.source,
      skipped: skippedMaterial(def, { libraries: holds }),
      dataMissing: libraryLacks(def, holds),
      neededBy,
    };
  });
  return { members, form: { schema: { type: 'object', properties, required }, fields }, fieldMap, materials };
}

/**
 * The member's own form data from the merged form: each merged value under the item's field name
 * (also the sources of the merged form's prefilled values).
 */
export function memberForm<T>(plan: BundlePlan, position: number, data: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [name, targets] of plan.fieldMap) {
    if (data[name] === undefined) continue;
    for (const t of targets) if (t.position === position) out[t.field] = data[name];
  }
  return out;
}

/** The merged fields that are personal: a field is when any member item it fills declares it so. */
export function personalKindsOf(plan: BundlePlan): Record<string, PersonalKind> {
  const byPosition = new Map(plan.members.map((m) => [m.position, declaredKinds(m.version.content.form)]));
  const out: Record<string, PersonalKind> = {};
  for (const [name, targets] of plan.fieldMap) {
    const kind = targets.map((t) => byPosition.get(t.position)?.[t.field]).find(Boolean);
    if (kind) out[name] = kind;
  }
  return out;
}

/** The merged form's values (or their sources) from one member's fields (prefill), the first member naming a field winning. */
export function mergedValues<T>(plan: BundlePlan, position: number, values: Record<string, T>, into: Record<string, T>): void {
  for (const [name, targets] of plan.fieldMap) {
    if (into[name] !== undefined) continue;
    const t = targets.find((x) => x.position === position && values[x.field] !== undefined);
    if (t) into[name] = values[t.field]!;
  }
}

/** The bundle material key that stands for a member's own material key. */
export function bundleKeyOf(plan: BundlePlan, position: number, materialKey: string): string | undefined {
  return plan.materials.find((m) => m.neededBy.some((n) => n.position === position && n.materialKey === materialKey))?.key;
}

/**
 * A member case's error told in the bundle's terms: the member it concerns, its form fields
 * under the merged names and its materials under the bundle keys, with the same code.
 */
export function inBundleTerms(err: unknown, plan: BundlePlan, member: MemberRef): unknown {
  if (!(err instanceof AppError) || typeof err.details !== 'object' || err.details === null) return err;
  const d = err.details as { errors?: { field: string }[]; materials?: ({ key: string } | string)[] };
  const fieldName = (field: string) =>
    [...plan.fieldMap.entries()].find(([, ts]) => ts.some((t) => t.position === member.position && t.field === field))?.[0] ?? field;
  const key = (k: string) => bundleKeyOf(plan, member.position, k) ?? k;
  const details = {
    ...d,
    member: { position: member.position, itemCode: member.itemCode, itemName: member.itemName },
    ...(d.errors ? { errors: d.errors.map((e) => ({ ...e, field: fieldName(e.field) })) } : {}),
    ...(d.materials ? { materials: d.materials.map((m) => (typeof m === 'string' ? key(m) : { ...m, key: key(m.key) })) } : {}),
  };
  return new AppError(err.code, err.status, err.params, details);
}
