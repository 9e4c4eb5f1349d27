import type { BundleDetail, MergedField, MergedMaterial } from './bundle-schemas.ts';
import type { ItemContent, Material } from './content.ts';
import { normalize } from './search/text.ts';

/**
 * What a citizen sees of a 一件事: one form and one list of materials for all its items.
 * A field is asked once when two items name the same field or fill it from the same source
 * (the same identity claim, base-library field or licence field); a material is listed once
 * when it has the same name or is replaced by the same licence type. Pure: the store hands in
 * the published contents in member order.
 */
export interface MergeInput {
  itemId: string;
  code: string;
  name: string;
  content: ItemContent;
}

/** The merged form and materials, as the bundle's detail shows them. */
export type MergedBundle = Pick<BundleDetail, 'form' | 'materials' | 'materialsBeforeMerge'>;
export type { MergedField, MergedMaterial };

type Prefill = MergedField['prefill'];

/** The identity of a prefill source; undefined when the field has none (or an incomplete one). */
export function prefillKey(p: Prefill): string | undefined {
  if (!p) return undefined;
  if (p.source === 'identity' && p.claim) return `identity:${p.claim}`;
  if (p.source === 'base_library' && p.field) return `base:${p.field}`;
  if (p.source === 'license' && p.licenseTypeCode && p.licenseField) return `license:${p.licenseTypeCode}.${p.licenseField}`;
  return undefined;
}

const NECESSITY_RANK: Record<Material['necessity'], number> = { optional: 0, deferrable: 1, required: 2 };

/** The stricter requirement wins: if one item requires it, the bundle requires it. */
const stricter = (a: Material['necessity'], b: Material['necessity']) =>
  (NECESSITY_RANK[b] ?? 0) > (NECESSITY_RANK[a] ?? 0) ? b : a;

export function mergeBundle(items: MergeInput[]): MergedBundle {
  const fields: MergedField[] = [];
  const byName = new Map<string, MergedField>();
  const bySource = new Map<string, MergedField>();
  let fieldsBeforeMerge = 0;
  for (const it of items) {
    const form = it.content.form;
    if (!form) continue;
    const props = form.schema.properties ?? {};
    const required = new Set(form.schema.required ?? []);
    const ordered = Object.keys(props).sort((a, b) => (form.fields?.[a]?.order ?? 1e6) - (form.fields?.[b]?.order ?? 1e6));
    for (const name of ordered) {
      fieldsBeforeMerge++;
      const hint = form.fields?.[name];
      const source = prefillKey(hint?.prefill);
      const existing = (source && bySource.get(source)) || byName.get(name);
      const asked = { itemId: it.itemId, code: it.code, field: name };
      if (existing) {
        existing.askedBy.push(asked);
        existing.required ||= required.has(name);
        if (!existing.prefill && hint?.prefill) existing.prefill = hint.prefill;
        if (source) bySource.set(source, existing);
        continue;
      }
      const schema = props[name]!;
      const merged: MergedField = {
        name,
        title: typeof schema.title === 'string' ? schema.title : name,
        schema,
        ...(hint?.prefill ? { prefill: hint.prefill } : {}),
        required: required.has(name),
        askedBy: [asked],
      };
      fields.push(merged);
      byName.set(name, merged);
      if (source) bySource.set(source, merged);
    }
  }

  const materials: MergedMaterial[] = [];
  const byMaterial = new Map<string, MergedMaterial>();
  let materialsBeforeMerge = 0;
  for (const it of items) {
    for (const m of it.content.materials ?? []) {
      materialsBeforeMerge++;
      const nameKey = `name:${normalize(m.name)}`;
      const licenseKey = m.replacedByLicenseType ? `license:${m.replacedByLicenseType}` : undefined;
      const existing = (licenseKey && byMaterial.get(licenseKey)) || byMaterial.get(nameKey);
      const need = { itemId: it.itemId, code: it.code, itemName: it.name, material: m.name };
      if (existing) {
        existing.neededBy.push(need);
        existing.necessity = stricter(existing.necessity, m.necessity);
        if (licenseKey) byMaterial.set(licenseKey, existing);
        continue;
      }
      const merged: MergedMaterial = {
        name: m.name,
        necessity: m.necessity,
        kind: m.kind,
        form: m.form,
        source: m.source,
        ...(m.replacedByLicenseType ? { replacedByLicenseType: m.replacedByLicenseType } : {}),
        ...(m.replacedByBaseField ? { replacedByBaseField: m.replacedByBaseField } : {}),
        neededBy: [need],
      };
      materials.push(merged);
      byMaterial.set(nameKey, merged);
      if (licenseKey) byMaterial.set(licenseKey, merged);
    }
  }
  return { form: { fields, fieldsBeforeMerge }, materials, materialsBeforeMerge };
}
