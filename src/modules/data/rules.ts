import { AppError } from '../../kernel/errors.ts';
import type { ResourceCreate } from './schemas.ts';
import { RESOURCE_CLASSES, SHARING_RANK } from './vocab.ts';

type ResourceContent = Omit<ResourceCreate, 'providerDepartmentId'>;

/** A rule of the catalogue broken at `field`: 400 with the rule's own code (and message in both languages). */
const broken = (code: string, field: string) => new AppError(code, 400, { field }, { field });

/**
 * What the catalogue refuses whatever the form allows (国发〔2016〕51号 and the 编制指南): a class that
 * is not in the directory; 有条件共享 without its conditions, 不予共享 without its legal basis; a
 * field more open than its resource; personal data shared unconditionally or opened; an
 * authoritative claim without the data item it is the source of; a key or a claim twice.
 */
export function checkResource(r: ResourceContent): void {
  if (!RESOURCE_CLASSES[r.classCode.slice(0, 3)]) throw broken('DATA_CLASS_UNKNOWN', 'classCode');
  if (r.sharingType === 'conditional' && !r.sharingCondition?.trim()) throw broken('DATA_SHARING_CONDITION_REQUIRED', 'sharingCondition');
  if (r.sharingType === 'none' && !r.legalBasis?.trim()) throw broken('DATA_LEGAL_BASIS_REQUIRED', 'legalBasis');
  if (r.openType === 'conditional' && !r.openCondition?.trim()) throw broken('DATA_OPEN_CONDITION_REQUIRED', 'openCondition');
  const keys = new Set<string>();
  const claimed = new Set<string>();
  for (const [i, f] of r.fields.entries()) {
    if (keys.has(f.key)) throw broken('DATA_FIELD_KEY_TWICE', `fields.${i}.key`);
    keys.add(f.key);
    if (SHARING_RANK[f.sharingType] > SHARING_RANK[r.sharingType]) throw broken('DATA_FIELD_MORE_OPEN', `fields.${i}.sharingType`);
    if (f.personal && f.sharingType === 'unconditional') throw broken('DATA_PERSONAL_UNCONDITIONAL', `fields.${i}.sharingType`);
    if (f.personal && r.openType !== 'closed') throw broken('DATA_PERSONAL_OPENED', 'openType');
    if (f.authoritative) {
      const item = f.dataItem?.trim();
      if (!item) throw broken('DATA_ITEM_REQUIRED', `fields.${i}.dataItem`);
      if (claimed.has(item)) throw broken('DATA_ITEM_CLAIMED_TWICE', `fields.${i}.dataItem`);
      claimed.add(item);
    }
  }
  const byKey = new Map(r.fields.map((f) => [f.key, f]));
  if (r.keyField && !byKey.has(r.keyField)) throw broken('DATA_KEY_FIELD_UNKNOWN', 'keyField');
  if (r.keyField && byKey.get(r.keyField)!.type === 'binary') throw broken('DATA_KEY_FIELD_UNKNOWN', 'keyField');
  if (r.regionField && byKey.get(r.regionField)?.type !== 'string') throw broken('DATA_REGION_FIELD_UNKNOWN', 'regionField');
}
