import { validationFailed } from '../../kernel/errors.ts';
import type { ResourceCreate } from './schemas.ts';
import { RESOURCE_CLASSES, SHARING_RANK } from './vocab.ts';

type ResourceContent = Omit<ResourceCreate, 'providerDepartmentId'>;

/**
 * What the catalogue refuses whatever the form allows (国发〔2016〕51号 and the 编制指南): a class that
 * is not in the directory; 有条件共享 without its conditions, 不予共享 without its legal basis; a
 * field more open than its resource; personal data shared unconditionally or opened; an
 * authoritative claim without the data item it is the source of; a key or a claim twice.
 */
export function checkResource(r: ResourceContent): void {
  if (!RESOURCE_CLASSES[r.classCode.slice(0, 3)]) throw validationFailed('classCode', 'not a class of the directory');
  if (r.sharingType === 'conditional' && !r.sharingCondition?.trim()) throw validationFailed('sharingCondition', 'required for 有条件共享');
  if (r.sharingType === 'none' && !r.legalBasis?.trim()) throw validationFailed('legalBasis', 'required for 不予共享');
  if (r.openType === 'conditional' && !r.openCondition?.trim()) throw validationFailed('openCondition', 'required for 有条件开放');
  const keys = new Set<string>();
  const claimed = new Set<string>();
  for (const [i, f] of r.fields.entries()) {
    if (keys.has(f.key)) throw validationFailed(`fields.${i}.key`, 'listed twice');
    keys.add(f.key);
    if (SHARING_RANK[f.sharingType] > SHARING_RANK[r.sharingType]) throw validationFailed(`fields.${i}.sharingType`, 'more open than its resource');
    if (f.personal && f.sharingType === 'unconditional') throw validationFailed(`fields.${i}.sharingType`, 'personal data is shared on conditions only');
    if (f.personal && r.openType !== 'closed') throw validationFailed('openType', 'a resource with personal data is not opened');
    if (f.authoritative) {
      const item = f.dataItem?.trim();
      if (!item) throw validationFailed(`fields.${i}.dataItem`, 'an authoritative source names its data item');
      if (claimed.has(item)) throw validationFailed(`fields.${i}.dataItem`, 'claimed twice in one resource');
      claimed.add(item);
    }
  }
}
