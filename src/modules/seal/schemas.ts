import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';

const Id = Type.String({ pattern: UUID_PATTERN });
const Kind = Type.Union([Type.Literal('official'), Type.Literal('approval'), Type.Literal('licence'), Type.Literal('business')]);
export type SealKind = Static<typeof Kind>;
const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]);
export type SealStatus = Static<typeof Status>;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const KeyId = Type.String({ pattern: '^[0-9a-f]{16}$' });

export const IdParams = Type.Object({ id: Id });

export const Seal = Type.Object({
  id: Id,
  departmentId: Id,
  departmentName: Type.String(),
  regionCode: Type.String(),
  kind: Kind,
  code: Type.String(),
  name: Type.String(),
  subtitle: Type.String(),
  status: Status,
  validFrom: Type.String(),
  validTo: Type.String(),
  currentKeyId: Nullable(Type.String()),
  keyCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Seal = Static<typeof Seal>;

export const SealListQuery = Type.Object({
  ...PageQuery.properties,
  departmentId: Type.Optional(Id),
  status: Type.Optional(Status),
  kind: Type.Optional(Kind),
});

export const SealCreate = Type.Object(
  {
    departmentId: Id,
    kind: Kind,
    validFrom: Type.Optional(Type.String({ format: 'date-time' })),
    validTo: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type SealCreate = Static<typeof SealCreate>;

export const SealRotate = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const SealStatusChange = Type.Object(
  { status: Status, version: Type.Integer({ minimum: 1 }), reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const PublishedKey = Type.Object({
  keyId: KeyId,
  sealId: Id,
  sealCode: Type.String(),
  sealKind: Kind,
  departmentId: Id,
  departmentName: Type.String(),
  regionCode: Type.String(),
  sealStatus: Status,
  algorithm: Type.Literal('SM2-SM3'),
  userId: Type.Literal('1234567812345678'),
  publicKey: Type.String(),
  publicKeyPem: Type.String(),
  createdAt: Type.String(),
  retiredAt: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Type.String(),
});
export type PublishedKey = Static<typeof PublishedKey>;

export const PublicKeysQuery = Type.Object({ departmentId: Type.Optional(Id), keyId: Type.Optional(KeyId) });

export const CoverageQuery = Type.Object({ regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })) });
export const Coverage = Type.Object({
  departments: Type.Integer(),
  covered: Type.Integer(),
  /** Percentage with one decimal: departments holding a usable seal ÷ departments (INDICATORS: seal_coverage). */
  rate: Type.Number(),
  items: Type.Array(
    Type.Object({
      departmentId: Id,
      departmentName: Type.String(),
      regionCode: Type.String(),
      activeSeals: Type.Integer(),
      covered: Type.Boolean(),
    }),
  ),
});
export type SealCoverage = Static<typeof Coverage>;

export const VerifyBody = Type.Object(
  {
    keyId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The signed bytes as UTF-8 text, or base64 in `dataBase64`. */
    data: Type.Optional(Type.String({ maxLength: 500_000 })),
    dataBase64: Type.Optional(Type.String({ maxLength: 700_000 })),
    signature: Type.String({ minLength: 1, maxLength: 400 }),
  },
  { additionalProperties: false },
);
export const VerifyResult = Type.Object({
  valid: Type.Boolean(),
  /** Why not: unknown key, or the signature does not match the bytes under that key. */
  reason: Type.Optional(Type.Enum(['UNKNOWN_KEY', 'BAD_SIGNATURE'])),
  keyId: Type.String(),
  sealId: Type.Optional(Id),
  departmentId: Type.Optional(Id),
  sealStatus: Type.Optional(Status),
  keyRetired: Type.Optional(Type.Boolean()),
});
export type SealVerification = Static<typeof VerifyResult>;
