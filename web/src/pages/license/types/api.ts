import { api } from '../../../api/client.ts';

export type FieldType = 'text' | 'date' | 'number';
export type HolderKind = 'person' | 'enterprise';

/** One data item of a licence type (证照目录 数据项). */
export interface TypeField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  personal: boolean;
}

export interface Validity {
  years?: number;
  months?: number;
}

export interface Template {
  title?: string;
  note?: string;
}

export interface LicenceTypeFull {
  id: string;
  code: string;
  name: string;
  holderKind: HolderKind;
  definingDepartmentId: string;
  regionCode: string;
  issuingDepartmentIds: string[];
  fields: TypeField[];
  validity: Validity;
  template: Template;
  catalogueItems: string[];
  status: 'active' | 'retired';
  version: number;
  updatedAt: string;
}

export interface TypeCreate {
  definingDepartmentId: string;
  sequence: string;
  holderKind: HolderKind;
  name: string;
  issuingDepartmentIds: string[];
  fields: TypeField[];
  validity: Validity;
  template: Template;
}

export type TypePatch = Partial<Pick<TypeCreate, 'name' | 'issuingDepartmentIds' | 'fields' | 'validity' | 'template'>> & {
  status?: 'active' | 'retired';
  version: number;
};

export interface ProducingItem {
  itemId: string;
  code: string;
  name: string;
  departmentName: string;
}

export const FIELD_TYPES: FieldType[] = ['text', 'date', 'number'];
export const HOLDER_KINDS: HolderKind[] = ['person', 'enterprise'];

export const licenceTypes = {
  list: (q?: string) => api.get<{ items: LicenceTypeFull[] }>('/api/licence-types', q ? { q } : {}),
  create: (body: TypeCreate) => api.post<LicenceTypeFull>('/api/licence-types', body),
  update: (id: string, body: TypePatch) => api.patch<LicenceTypeFull>(`/api/licence-types/${id}`, body),
  items: (id: string) => api.get<{ items: ProducingItem[] }>(`/api/licence-types/${id}/items`),
};
