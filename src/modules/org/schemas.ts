import { Type, type Static, type TProperties } from 'typebox';
import { ROLES, type Role } from '../../kernel/actor.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { SECTORS, type SectorCode } from './sectors.ts';

export const Id = Type.String({ pattern: UUID_PATTERN });
export const RegionCode = Type.String({ pattern: REGION_CODE_PATTERN });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Stamps = { version: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String() };
const Version = Type.Object({ version: Type.Integer({ minimum: 1 }) });
/** A PATCH body: any subset of the fields plus the version the client last saw. */
const patchOf = <T extends TProperties>(fields: T) =>
  Type.Evaluate(Type.Intersect([Type.Partial(Type.Object(fields)), Version]), { additionalProperties: false });

export const IdParams = Type.Object({ id: Id });

export const Region = Type.Object({
  code: RegionCode,
  name: Type.String(),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  parentCode: Nullable(Type.String()),
});
export type Region = Static<typeof Region>;

export const Sector = Type.Union(SECTORS.map((s) => Type.Literal(s)));

const DepartmentFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Name,
  shortName: Text(40),
  uscc: Type.String({ minLength: 1, maxLength: 18 }),
  parentId: Nullable(Id),
  regionCode: RegionCode,
  sector: Sector,
  /** 其他名称: units working under it that guides name, signs it carries; searched like the name. */
  otherNames: Type.Array(Text(60), { maxItems: 10 }),
};
export const DepartmentCreate = Type.Object(
  {
    ...DepartmentFields,
    shortName: Type.Optional(DepartmentFields.shortName),
    parentId: Type.Optional(DepartmentFields.parentId),
    otherNames: Type.Optional(DepartmentFields.otherNames),
  },
  { additionalProperties: false },
);
// the sector union is built from a list, which TypeBox cannot narrow: name its type here
export type DepartmentCreate = Omit<Static<typeof DepartmentCreate>, 'sector'> & { sector: SectorCode };
export const DepartmentPatch = patchOf(DepartmentFields);
export const Department = Type.Object({ id: Id, ...DepartmentFields, regionName: Type.String(), ...Stamps });
export type Department = Static<typeof Department>;

const HallFields = {
  name: Name,
  regionCode: RegionCode,
  address: Text(200),
  departmentId: Nullable(Id),
  phone: Text(40),
  openingHours: Text(100),
  /** WGS-84 degrees; null when the hall's position is not recorded. */
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
};
export const HallCreate = Type.Object(
  {
    name: HallFields.name,
    regionCode: HallFields.regionCode,
    address: Type.Optional(HallFields.address),
    departmentId: Type.Optional(HallFields.departmentId),
    phone: Type.Optional(HallFields.phone),
    openingHours: Type.Optional(HallFields.openingHours),
    latitude: Type.Optional(HallFields.latitude),
    longitude: Type.Optional(HallFields.longitude),
  },
  { additionalProperties: false },
);
export type HallCreate = Static<typeof HallCreate>;
export const HallPatch = patchOf(HallFields);
export const Hall = Type.Object({ id: Id, ...HallFields, regionName: Type.String(), ...Stamps });
export type Hall = Static<typeof Hall>;

const WindowFields = {
  hallId: Id,
  number: Type.String({ minLength: 1, maxLength: 20 }),
  name: Name,
  isGeneral: Type.Boolean(),
  departmentId: Nullable(Id),
};
export const WindowCreate = Type.Object(
  { ...WindowFields, isGeneral: Type.Optional(WindowFields.isGeneral), departmentId: Type.Optional(WindowFields.departmentId) },
  { additionalProperties: false },
);
export type WindowCreate = Static<typeof WindowCreate>;
export const WindowPatch = patchOf(WindowFields);
export const ServiceWindow = Type.Object({
  id: Id,
  ...WindowFields,
  regionCode: RegionCode,
  hallName: Type.String(),
  departmentName: Nullable(Type.String()),
  ...Stamps,
});
export type ServiceWindow = Static<typeof ServiceWindow>;

const KioskFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Name,
  location: Text(200),
  regionCode: RegionCode,
  hallId: Nullable(Id),
};
export const KioskCreate = Type.Object(
  { ...KioskFields, location: Type.Optional(KioskFields.location), hallId: Type.Optional(KioskFields.hallId) },
  { additionalProperties: false },
);
export type KioskCreate = Static<typeof KioskCreate>;
export const KioskPatch = patchOf(KioskFields);
export const Kiosk = Type.Object({ id: Id, ...KioskFields, regionName: Type.String(), ...Stamps });
export type Kiosk = Static<typeof Kiosk>;

export const RoleGrantSchema = Type.Object(
  // Unsafe only names the static type: a union built by map() would otherwise type as never.
  { role: Type.Unsafe<Role>(Type.Union(ROLES.map((r) => Type.Literal(r)))), regionCode: RegionCode, departmentId: Nullable(Id) },
  { additionalProperties: false },
);
export type RoleGrant = Static<typeof RoleGrantSchema>;

const StaffFields = {
  username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
  name: Name,
  departmentId: Nullable(Id),
  regionCode: RegionCode,
  phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
};
export const StaffCreate = Type.Object(
  {
    ...StaffFields,
    phone: Type.Optional(StaffFields.phone),
    status: Type.Optional(StaffFields.status),
    password: Type.String({ minLength: 10, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type StaffCreate = Static<typeof StaffCreate>;
export const StaffPatch = patchOf({ ...StaffFields, password: Type.String({ minLength: 10, maxLength: 128 }) });
export const Staff = Type.Object({
  id: Id,
  username: Type.String(),
  name: Type.String(),
  departmentId: Nullable(Id),
  departmentName: Nullable(Type.String()),
  regionCode: RegionCode,
  phone: Nullable(Type.String()),
  status: Type.Enum(['active', 'disabled']),
  roles: Type.Array(RoleGrantSchema),
  ...Stamps,
});
export type Staff = Static<typeof Staff>;
export const StaffRoles = Type.Object({ roles: Type.Array(RoleGrantSchema, { maxItems: 20 }) }, { additionalProperties: false });

/** A code with its name in the reader's language (roles, sectors). */
export const CodeName = Type.Object({ code: Type.String(), name: Type.String() });
export type CodeName = Static<typeof CodeName>;
export const CodeNames = Type.Object({ items: Type.Array(CodeName) });

const Counts = {
  departments: Type.Integer(),
  halls: Type.Integer(),
  windows: Type.Integer(),
  kiosks: Type.Integer(),
  staff: Type.Integer(),
};
/** The cockpit's organisation counts, in all and per county. */
export const OrgStats = Type.Object({
  totals: Type.Object(Counts),
  byCounty: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Counts })),
});
export type OrgStats = Static<typeof OrgStats>;

/** What a staff member's bell can tell of; each has the text `staffMessage.<kind>` in both languages. */
export const STAFF_MESSAGE_KINDS = [
  'deadline_yellow',
  'deadline_red',
  'assigned',
  'supervised',
  'supervision_overdue',
  'rating_task',
  'rating_escalated',
  'calendar_year_missing',
  'result_problem',
  'data_demand',
  'data_demand_due',
  'data_demand_overdue',
  'data_use_reported',
  'data_issue_reported',
  'hotline_hot_issue',
  'hotline_accept_overdue',
  'hotline_complete_overdue',
  'hotline_supervised',
] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];

export const StaffMessage = Type.Object({
  id: Id,
  kind: Type.Enum(STAFF_MESSAGE_KINDS),
  caseId: Nullable(Id),
  ref: Nullable(Type.String()),
  /** The case number when the message is about a case, for the link in the list. */
  number: Nullable(Type.String()),
  text: Type.String(),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type StaffMessage = Static<typeof StaffMessage>;
export const StaffMessagePage = Type.Object({
  items: Type.Array(StaffMessage),
  total: Type.Integer(),
  unread: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type StaffMessagePage = Static<typeof StaffMessagePage>;
export const StaffMessagesRead = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });
export type StaffMessagesRead = Static<typeof StaffMessagesRead>;
