import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';
import { PERSON_CODE_TYPES } from '../../kernel/validate/index.ts';
import { LICENCE_STATUSES, OPERATIONS, VERDICTS } from './codes.ts';

const Id = Type.String({ pattern: UUID_PATTERN });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const HolderKind = Type.Union([Type.Literal('person'), Type.Literal('enterprise')]);
/** Who may hold a licence of a type: a person, an organisation, or either (不动产权证书). */
const TypeHolderKind = Type.Union([Type.Literal('person'), Type.Literal('enterprise'), Type.Literal('any')]);
const Value = Type.Union([Type.String(), Type.Number()]);
const Values = Type.Record(Type.String(), Value);

export const IdParams = Type.Object({ id: Id });

export const FieldSpec = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40 }),
    label: Type.String({ minLength: 1, maxLength: 60 }),
    type: Type.Union([Type.Literal('text'), Type.Literal('date'), Type.Literal('number')]),
    required: Type.Boolean(),
    /** Personal data: shown only to the holder, authorised staff and presentations that include it. */
    personal: Type.Boolean(),
  },
  { additionalProperties: false },
);
/** One field of a licence type's schema (证照目录 数据项). */
export type FieldSpec = Static<typeof FieldSpec>;
const Validity = Type.Object(
  {
    years: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    months: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
  },
  { additionalProperties: false },
);
const Template = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 60 })), note: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);

const TypeFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  issuingDepartmentIds: Type.Array(Id, { minItems: 1, maxItems: 200 }),
  fields: Type.Array(FieldSpec, { maxItems: 60 }),
  validity: Validity,
  template: Template,
  catalogueItems: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 }),
};

export const LicenceType = Type.Object({
  id: Id,
  code: Type.String(),
  holderKind: TypeHolderKind,
  definingDepartmentId: Id,
  regionCode: Type.String(),
  ...TypeFields,
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
/** 证照目录 entry: what a licence of this type contains, who issues it, how long it lasts. */
export type LicenceType = Static<typeof LicenceType>;

export const LicenceTypeCreate = Type.Object(
  {
    definingDepartmentId: Id,
    sequence: Type.String({ pattern: '^[0-9]{3}$' }),
    holderKind: TypeHolderKind,
    name: TypeFields.name,
    issuingDepartmentIds: TypeFields.issuingDepartmentIds,
    fields: TypeFields.fields,
    validity: Type.Optional(Validity),
    template: Type.Optional(Template),
    catalogueItems: Type.Optional(TypeFields.catalogueItems),
  },
  { additionalProperties: false },
);
export type LicenceTypeCreate = Static<typeof LicenceTypeCreate>;

export const LicenceTypePatch = Type.Object(
  {
    name: Type.Optional(TypeFields.name),
    issuingDepartmentIds: Type.Optional(TypeFields.issuingDepartmentIds),
    fields: Type.Optional(TypeFields.fields),
    validity: Type.Optional(Validity),
    template: Type.Optional(Template),
    catalogueItems: Type.Optional(TypeFields.catalogueItems),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type LicenceTypePatch = Static<typeof LicenceTypePatch>;

export const TypeListQuery = Type.Object({
  regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  departmentId: Type.Optional(Id),
});

export const Licence = Type.Object({
  id: Id,
  identifier: Type.String(),
  typeId: Id,
  typeCode: Type.String(),
  typeName: Type.String(),
  issuerDepartmentId: Id,
  issuerName: Type.String(),
  issuerUscc: Type.String(),
  /** `codeType` 'passport' for a foreign national; absent for a 居民身份证 or 统一社会信用代码. */
  holder: Type.Object({ kind: HolderKind, name: Type.String(), code: Type.String(), codeType: Type.Optional(Type.Literal('passport')) }),
  fields: Values,
  /** Display names of the fields, from the licence type (证照目录). */
  fieldLabels: Type.Record(Type.String(), Type.String()),
  status: Type.Enum(LICENCE_STATUSES),
  statusName: Type.String(),
  verdict: Type.Enum(VERDICTS),
  operation: Type.Enum(OPERATIONS),
  relatedIdentifier: Nullable(Type.String()),
  issuedAt: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  sealId: Id,
  keyId: Type.String(),
  source: Type.String(),
  caseId: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Licence = Static<typeof Licence>;

const Holder = Type.Object(
  {
    kind: HolderKind,
    personId: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    code: Type.String({ minLength: 1, maxLength: 18 }),
    /** A person's 证件类型: 居民身份证 unless 'passport'. */
    codeType: Type.Optional(Type.Enum(PERSON_CODE_TYPES)),
  },
  { additionalProperties: false },
);

export const LicenceIssue = Type.Object(
  {
    typeId: Id,
    departmentId: Id,
    holder: Holder,
    fields: Values,
    validFrom: Type.Optional(Day),
    validTo: Type.Optional(Nullable(Day)),
  },
  { additionalProperties: false },
);
export type LicenceIssue = Static<typeof LicenceIssue>;

export const LicenceListQuery = Type.Object({
  ...PageQuery.properties,
  typeId: Type.Optional(Id),
  departmentId: Type.Optional(Id),
  status: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
});

export const StatusOperation = Type.Object(
  {
    operation: Type.Union([Type.Literal('03'), Type.Literal('05'), Type.Literal('06'), Type.Literal('10')]),
    status: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    reason: Type.String({ minLength: 1, maxLength: 300 }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const Reissue = Type.Object(
  {
    operation: Type.Union([Type.Literal('02'), Type.Literal('09')]),
    fields: Type.Optional(Values),
    holderName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    validFrom: Type.Optional(Day),
    validTo: Type.Optional(Nullable(Day)),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  {
    typeId: Id,
    departmentId: Id,
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    content: Type.String({ minLength: 1, maxLength: 900_000 }),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ImportReport = Type.Object({
  rows: Type.Integer(),
  ok: Type.Boolean(),
  dryRun: Type.Boolean(),
  issued: Type.Array(Type.Object({ row: Type.Integer(), identifier: Type.String() })),
  errors: Type.Array(
    Type.Object({
      row: Type.Integer(),
      code: Type.String(),
      field: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
    }),
  ),
});

export const PresentationBody = Type.Object(
  {
    fields: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 60 }),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86400 })),
    once: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PresentationBody = Static<typeof PresentationBody>;
export const Presentation = Type.Object({
  token: Type.String(),
  url: Type.String(),
  expiresAt: Type.String(),
  fields: Type.Array(Type.String()),
  once: Type.Boolean(),
  qrSvg: Type.String(),
});
export type Presentation = Static<typeof Presentation>;

export const VerifyQuery = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 200 })),
  t: Type.Optional(Type.String({ maxLength: 200 })),
});
export const PackageQuery = Type.Object({ t: Type.String({ maxLength: 200 }) });
export const VerifyBody = Type.Object({ payload: Type.String({ maxLength: 4096 }) }, { additionalProperties: false });
export const Verification = Type.Object({
  verdict: Type.Enum(VERDICTS),
  /** The signature verifies under a key of the issuing department's seal and covers this record. */
  genuine: Type.Boolean(),
  identifier: Type.String(),
  status: Type.Optional(Type.Enum(LICENCE_STATUSES)),
  statusName: Type.Optional(Type.String()),
  typeCode: Type.Optional(Type.String()),
  typeName: Type.Optional(Type.String()),
  issuerName: Type.Optional(Type.String()),
  issuerUscc: Type.Optional(Type.String()),
  issuedAt: Type.Optional(Type.String()),
  validFrom: Type.Optional(Type.String()),
  validTo: Type.Optional(Nullable(Type.String())),
  relatedIdentifier: Type.Optional(Nullable(Type.String())),
  sealId: Type.Optional(Type.String()),
  keyId: Type.Optional(Type.String()),
  /** Only what the holder's presentation reveals. */
  disclosed: Type.Optional(
    Type.Object({
      holderName: Type.Optional(Type.String()),
      holderCode: Type.Optional(Type.String()),
      fields: Values,
      fieldLabels: Type.Record(Type.String(), Type.String()),
    }),
  ),
  presentation: Type.Optional(
    Type.Object({
      expiresAt: Type.String(),
      fields: Type.Array(Type.String()),
      /** The holder showed every field: only then may the signed document go to the verifier. */
      wholeDocument: Type.Boolean(),
    }),
  ),
  /** 核验包 (zip: signed bytes, DER signature, public key PEM, README with the openssl commands). */
  verificationPackage: Type.Optional(Type.Object({ fileName: Type.String(), contentBase64: Type.String() })),
});
export type Verification = Static<typeof Verification>;

/** A catalogue item whose published content names the licence type as its result. */
export const ProducingItem = Type.Object({
  itemId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
});
export type ProducingItem = Static<typeof ProducingItem>;
export const TypeItems = Type.Object({ items: Type.Array(ProducingItem) });

export const Signed = Type.Object({
  identifier: Type.String(),
  document: Type.String(),
  signature: Type.String(),
  keyId: Type.String(),
  sealId: Id,
  algorithm: Type.Literal('SM2-SM3'),
  userId: Type.Literal('1234567812345678'),
});

/** One use of a licence: shown to a verifier, taken into a case, or exchanged with a department. */
export const LicenceUse = Type.Object({
  kind: Type.Enum(['presentation', 'case', 'exchange']),
  purpose: Type.String(),
  userDepartmentId: Nullable(Type.String()),
  userName: Type.String(),
  actorKind: Type.String(),
  at: Type.String(),
});
export type LicenceUse = Static<typeof LicenceUse>;
export const Uses = Type.Object({ items: Type.Array(LicenceUse) });
export const Operations = Type.Object({
  items: Type.Array(
    Type.Object({
      operation: Type.String(),
      statusFrom: Nullable(Type.String()),
      statusTo: Type.String(),
      reason: Type.String(),
      actorKind: Type.String(),
      at: Type.String(),
    }),
  ),
});
export const StatsQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
});
export const Stats = Type.Object({
  issued: Type.Array(Type.Object({ departmentId: Type.String(), period: Type.String(), count: Type.Integer() })),
  used: Type.Array(
    Type.Object({ departmentId: Type.String(), period: Type.String(), uses: Type.Integer(), licences: Type.Integer() }),
  ),
  caseUse: Type.Array(Type.Object({ period: Type.String(), items: Type.Integer(), cases: Type.Integer() })),
  totals: Type.Object({ issued: Type.Integer(), uses: Type.Integer() }),
});

export const GrantBody = Type.Object(
  {
    departmentId: Type.Optional(Id),
    enterpriseUscc: Type.Optional(Type.String({ minLength: 18, maxLength: 18 })),
    enterpriseName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    withoutConsent: Type.Boolean(),
    legalBasis: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export const Grant = Type.Object({
  id: Id,
  typeId: Id,
  granteeKind: Type.String(),
  granteeRef: Type.String(),
  granteeName: Type.String(),
  withoutConsent: Type.Boolean(),
  legalBasis: Type.String(),
  createdAt: Type.String(),
});
export const UseRequestBody = Type.Object(
  {
    typeId: Id,
    holderCode: Type.String({ minLength: 15, maxLength: 18 }),
    purpose: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export const UseRequest = Type.Object({
  id: Id,
  licenceId: Id,
  identifier: Type.String(),
  typeName: Type.String(),
  purpose: Type.String(),
  status: Type.Enum(['pending', 'approved', 'refused', 'lawful']),
  requesterName: Type.String(),
  legalBasis: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  expiresAt: Type.String(),
  /** The licence itself, once the holder approved (or the law allows), until the request expires. */
  licence: Type.Optional(Licence),
});
export type UseRequest = Static<typeof UseRequest>;
export const Decision = Type.Object({ approve: Type.Boolean() }, { additionalProperties: false });

/** A credential is open JSON-LD: its shape is checked by the verifier, not by the schema. */
export const Credential = Type.Record(Type.String(), Type.Unknown());
export const CredentialVerifyBody = Type.Object({ credential: Credential }, { additionalProperties: false });
export const CredentialCheck = Type.Object({
  verified: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  keyId: Type.Optional(Type.String()),
  verdict: Type.Optional(Type.String()),
});
