import { api } from '../../../api/client.ts';

// API shapes come from the licence module's route schemas (type-only: nothing of the server is bundled).
import type {
  FieldSpec,
  LicenceType as LicenceTypeFull,
  LicenceTypeCreate as TypeCreate,
  LicenceTypePatch as TypePatch,
  ProducingItem,
} from '../../../../../src/modules/license/api.ts';

/** One data item of a licence type (证照目录 数据项). */
export type TypeField = FieldSpec;
export type FieldType = FieldSpec['type'];
export type HolderKind = LicenceTypeFull['holderKind'];
export type Validity = LicenceTypeFull['validity'];
export type Template = LicenceTypeFull['template'];
export type { LicenceTypeFull, ProducingItem, TypeCreate, TypePatch };

export const FIELD_TYPES: FieldType[] = ['text', 'date', 'number'];
export const HOLDER_KINDS: HolderKind[] = ['person', 'enterprise', 'any'];

export const licenceTypes = {
  list: (q?: string) => api.get<{ items: LicenceTypeFull[] }>('/api/licence-types', q ? { q } : {}),
  create: (body: TypeCreate) => api.post<LicenceTypeFull>('/api/licence-types', body),
  update: (id: string, body: TypePatch) => api.patch<LicenceTypeFull>(`/api/licence-types/${id}`, body),
  items: (id: string) => api.get<{ items: ProducingItem[] }>(`/api/licence-types/${id}/items`),
};
