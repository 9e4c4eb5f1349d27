import { Type, type Static } from 'typebox';
import { ROLES } from '../../kernel/actor.ts';

// Request bodies keep literal unions (their validation errors name the allowed values); answers
// use Type.Enum, which types the same and serialises without a second check.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Phone = Type.String({ minLength: 11, maxLength: 11 });
const Code = Type.String({ minLength: 1, maxLength: 6 });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const strict = { additionalProperties: false } as const;

export const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
export const AssuranceLevel = Type.Enum([1, 2, 3]);

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

/**
 * An enterprise the person registered as legal representative whose proof is still missing: the
 * registry did not confirm it, so a window must check the documents in person. Until then the
 * person does not act for it and sees nothing of it.
 */
export const PendingEnterprise = Type.Object({
  enterpriseId: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  registeredAt: Type.String(),
});
export type PendingEnterprise = Static<typeof PendingEnterprise>;

/** The answer to registering an enterprise (POST /api/identity/enterprises). */
export const EnterpriseRegistered = Type.Object({
  id: Type.String(),
  legalRep: Type.Enum(['proven', 'pending']),
  /** pending only: the registry does not know the code, or has the ID number under another name */
  pendingReason: Nullable(Type.Enum(['not_in_registry', 'name_mismatch'])),
});
export type EnterpriseRegistered = Static<typeof EnterpriseRegistered>;

/** An enterprise's legal representation as a window clerk sees it (ID number masked). */
export const LegalRepAtWindow = Type.Object({
  enterpriseId: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  legalRep: Type.Object({ name: Type.String(), idNumber: Type.String(), assuranceLevel: AssuranceLevel }),
  status: Type.Enum(['pending', 'proven']),
  proof: Nullable(Type.Enum(['registry', 'window'])),
  provenAt: Nullable(Type.String()),
});
export type LegalRepAtWindow = Static<typeof LegalRepAtWindow>;

/** What the clerk records after checking the business licence and the ID card in person. */
export const LegalRepWindowProof = Type.Object(
  {
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    windowId: Type.Optional(Type.String({ format: 'uuid' })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    replaceClaimant: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type LegalRepWindowProof = Static<typeof LegalRepWindowProof>;

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
  /** Holds the node-wide settings (department systems, signing keys, calendar, rating settings): kernel/auth.ts isNodeAdmin. */
  nodeAdmin: Type.Boolean(),
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
  /** Registered as legal representative, not proven yet: verify at a window. */
  pendingEnterprises: Type.Array(PendingEnterprise),
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

// Department systems (OpenID Connect clients): their schemas live with the services that check them.
export {
  Client as OidcClient,
  ClientChange as ClientPatch,
  ClientId,
  ClientRegistration as NewClient,
  ClientSecret,
  GRANT_TYPES,
  SCOPES,
  type ClientScope,
  type GrantType,
} from './clients/schemas.ts';
