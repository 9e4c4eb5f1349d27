import { Type, type Static } from 'typebox';
import { ROLES } from '../../kernel/actor.ts';

// Request bodies keep literal unions (their validation errors name the allowed values); answers
// use Type.Enum, which types the same and serialises without a second check.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Phone = Type.String({ minLength: 11, maxLength: 11 });
const Code = Type.String({ minLength: 1, maxLength: 6 });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const Uri = Type.String({ minLength: 8, maxLength: 500 });
const strict = { additionalProperties: false } as const;

export const ClientId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' });
export const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
export const AssuranceLevel = Type.Enum([1, 2, 3]);
export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const SCOPES = ['openid', 'profile', 'yiwang', 'offline_access'] as const;
export type ClientScope = (typeof SCOPES)[number];

/** The enterprise a person acts for in a session (代企业办理), and how. */
export const EnterpriseActing = Type.Object({
  enterpriseId: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  role: Type.Enum(['legal_rep', 'admin', 'agent']),
  /** 'items': only the listed catalogue item codes. */
  scope: Type.Enum(['all', 'items']),
  itemCodes: Type.Array(Type.String()),
});
export type EnterpriseActing = Static<typeof EnterpriseActing>;
/** An enterprise the person may act for, until when (null: as its legal representative, for good). */
export const ActingOption = Type.Object({ ...EnterpriseActing.properties, expiresAt: Nullable(Type.String()) });
export type ActingOption = Static<typeof ActingOption>;

/** Who is signed in (GET /api/auth/me). */
export const User = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['staff', 'person', 'client']),
  username: Nullable(Type.String()),
  name: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  roles: Type.Array(Type.Object({ role: Type.Enum(ROLES), regionCode: Type.String(), departmentId: Nullable(Type.String()) })),
  actingFor: Nullable(EnterpriseActing),
});
export type User = Static<typeof User>;
export const UserReply = Type.Object({ user: User });

/** A citizen's own record; ID number and phone masked by the server. */
export const Profile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  assuranceLevel: AssuranceLevel,
  regionCode: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Profile = Static<typeof Profile>;

export const TotpState = Type.Enum(['none', 'pending', 'active']);
export type TotpState = Static<typeof TotpState>;

/** 我的账户: profile (persons), second factor, the enterprises one may act for. */
export const MyAccount = Type.Object({
  profile: Nullable(Profile),
  totp: TotpState,
  totpRequired: Type.Boolean(),
  enterprises: Type.Array(ActingOption),
});
export type MyAccount = Static<typeof MyAccount>;

export const SessionRow = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  channel: Type.Enum(['web', 'mobile', 'workbench']),
  /** The session this request came with. */
  current: Type.Boolean(),
});
export type SessionRow = Static<typeof SessionRow>;

/** A sign-in event of the account, from the audit log. */
export const LoginEvent = Type.Object({
  at: Type.String(),
  event: Type.String(),
  ip: Nullable(Type.String()),
  method: Nullable(Type.String()),
  client: Nullable(Type.String()),
});
export type LoginEvent = Static<typeof LoginEvent>;

/** What an authenticator app needs: the secret, its otpauth URI and that URI as a QR data URL. */
export const TotpEnrolment = Type.Object({ secret: Type.String(), uri: Type.String(), qr: Type.String() });
export type TotpEnrolment = Static<typeof TotpEnrolment>;

export const Registration = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 1, maxLength: 18 }),
    phone: Phone,
    email: Type.Optional(Type.String({ maxLength: 254 })),
    password: Password,
    code: Code,
  },
  strict,
);
export type Registration = Static<typeof Registration>;
export const SmsCodeRequest = Type.Object({ phone: Phone, purpose: Type.Union([Type.Literal('register'), Type.Literal('reset')]) }, strict);
export type SmsCodeRequest = Static<typeof SmsCodeRequest>;
export const PasswordReset = Type.Object({ phone: Phone, code: Code, password: Password }, strict);
export type PasswordReset = Static<typeof PasswordReset>;

/** An enterprise's agent (经办人) as its legal representative and administrators see them. */
export const Agent = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  isAdmin: Type.Boolean(),
  scope: Type.Enum(['all', 'items']),
  itemCodes: Type.Array(Type.String()),
  expiresAt: Type.String(),
  status: Type.Enum(['active', 'revoked', 'expired']),
});
export type Agent = Static<typeof Agent>;

/** Authorise a person (found by phone or ID number) as an agent of the enterprise. */
export const AgentGrant = Type.Object(
  {
    phone: Type.Optional(Phone),
    idNumber: Type.Optional(Type.String({ minLength: 18, maxLength: 18 })),
    scope: Type.Union([Type.Literal('all'), Type.Literal('items')]),
    itemCodes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })),
    expiresAt: Type.String({ format: 'date-time' }),
    isAdmin: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type AgentGrant = Static<typeof AgentGrant>;

/** A system registered to sign its users in through YiWang (OpenID Connect client). */
export const OidcClient = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  grantTypes: Type.Array(Type.Enum(GRANT_TYPES)),
  scope: Type.String(),
  minAssuranceLevel: Type.Integer(),
  logoUri: Nullable(Type.String()),
  status: Type.Enum(['active', 'disabled']),
  firstParty: Type.Boolean(),
  createdAt: Type.String(),
});
export type OidcClient = Static<typeof OidcClient>;

export const NewClient = Type.Object(
  {
    clientId: ClientId,
    name: Type.String({ minLength: 2, maxLength: 100 }),
    redirectUris: Type.Array(Uri, { maxItems: 20 }),
    postLogoutRedirectUris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
    grantTypes: Type.Array(Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token'), Type.Literal('client_credentials')]), { minItems: 1, maxItems: 3, uniqueItems: true }),
    // Unsafe only names the static type: a union built by map() would otherwise type as never.
    scopes: Type.Array(Type.Unsafe<ClientScope>(Type.Union(SCOPES.map((s) => Type.Literal(s)))), { maxItems: 4, uniqueItems: true }),
    minAssuranceLevel: Type.Optional(Level),
    logoUri: Type.Optional(Uri),
  },
  strict,
);
export type NewClient = Static<typeof NewClient>;

export const ClientPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    redirectUris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
    minAssuranceLevel: Type.Optional(Level),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClientPatch = Static<typeof ClientPatch>;

/** Shown once: the secret is stored encrypted and never shown again. */
export const ClientSecret = Type.Object({ clientId: Type.String(), clientSecret: Type.String() });
export type ClientSecret = Static<typeof ClientSecret>;
