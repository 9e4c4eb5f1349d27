import type { FormRule, TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { Resource } from '../api/resource.ts';
import type { Versioned } from '../api/resource.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

export type FormMode = 'create' | 'edit';
export type FormValues = Record<string, unknown>;

/** One input of a create/edit form. */
export interface CrudField {
  name: string;
  label: MessageKey;
  /** The input element; antd's Form.Item supplies value/onChange. */
  input: (ctx: { mode: FormMode; t: I18n['t']; disabled: boolean }) => ReactNode;
  required?: boolean;
  /** Extra client-side rules; the server validates again and its field errors land here too. */
  rules?: (t: I18n['t']) => FormRule[];
  /** Shown only when creating or only when editing. */
  only?: FormMode;
  /** Shown but read-only when editing (e.g. a username). */
  fixedOnEdit?: boolean;
  /** Not pre-filled when editing and left out of the request when blank (a masked phone). */
  blankOnEdit?: boolean;
  /** An empty value is sent as null when editing (an optional reference that can be cleared). */
  nullable?: boolean;
  /** 'checked' for switches. */
  valuePropName?: string;
  initialValue?: unknown;
  /** Applied to every change, e.g. upper-casing a code. */
  normalize?: (value: unknown) => unknown;
  help?: MessageKey;
}

/** A filter beside the search box, kept in the URL like the search text and page. */
export interface CrudFilter {
  /** Query parameter name, e.g. 'regionCode' or 'hallId'. */
  name: string;
  render: (value: string | undefined, onChange: (value: string | undefined) => void, t: I18n['t']) => ReactNode;
}

/** Everything a list page has of its own; the building block does the rest. */
export interface CrudConfig<T extends Versioned> {
  resource: Resource<T>;
  title: MessageKey;
  /** The record type's name inside sentences: 新建{entity}. */
  entity: MessageKey;
  searchPlaceholder: MessageKey;
  columns: (i18n: I18n) => TableColumnsType<T>;
  fields: CrudField[];
  filters?: CrudFilter[];
  /** How a record is named in the delete confirmation. */
  displayName: (record: T) => string;
  /** Server error codes that concern one form field, e.g. { USCC_TAKEN: 'uscc' }. */
  errorFields?: Record<string, string>;
  /** Record → form values when editing (default: the field names taken from the record). */
  toForm?: (record: T) => FormValues;
  /** Extra buttons in a row's action cell (e.g. roles of a staff member). */
  rowActions?: (record: T, reload: () => void) => ReactNode;
  /** Width of the create/edit drawer. */
  drawerWidth?: number;
  /** data-testid prefix for browser tests, e.g. 'departments'. */
  testId: string;
}
