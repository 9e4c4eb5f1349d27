import { Type, type Static } from 'typebox';

/**
 * What an administrator may say about a department system. The routes declare these schemas
 * and the services check their input against them again, so the command line gets the same
 * 400 VALIDATION_FAILED as a request.
 */
export const ClientId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' });
const Name = Type.String({ minLength: 2, maxLength: 100 });
const Uri = Type.String({ minLength: 8, maxLength: 500 });
export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
export const SCOPES = ['openid', 'profile', 'yiwang', 'offline_access'] as const;
export type ClientScope = (typeof SCOPES)[number];
// Request bodies keep literal unions (their validation errors name the allowed values); answers
// use Type.Enum, which types the same and serialises without a second check. Unsafe only names
// the static type: a union built by map() would otherwise type as never.
const GrantType = Type.Unsafe<GrantType>(Type.Union(GRANT_TYPES.map((g) => Type.Literal(g))));
const Scope = Type.Unsafe<ClientScope>(Type.Union(SCOPES.map((s) => Type.Literal(s))));
const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

export const ClientRegistration = Type.Object(
  {
    clientId: ClientId,
    name: Name,
    redirectUris: Type.Array(Uri, { maxItems: 20 }),
    postLogoutRedirectUris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
    grantTypes: Type.Array(GrantType, { minItems: 1, maxItems: 3, uniqueItems: true }),
    scopes: Type.Array(Scope, { maxItems: 4, uniqueItems: true }),
    minAssuranceLevel: Type.Optional(Level),
    logoUri: Type.Optional(Uri),
  },
  { additionalProperties: false },
);
export type ClientRegistration = Static<typeof ClientRegistration>;

export const ClientChange = Type.Object(
  {
    name: Type.Optional(Name),
    redirectUris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
    minAssuranceLevel: Type.Optional(Level),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ClientChange = Static<typeof ClientChange>;

export const Client = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  grantTypes: Type.Array(Type.Enum(GRANT_TYPES)),
  scope: Type.String(),
  minAssuranceLevel: Type.Integer(),
  logoUri: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(['active', 'disabled']),
  firstParty: Type.Boolean(),
  createdAt: Type.String(),
});
export type Client = Static<typeof Client>;

/** The secret, shown once when a system is registered or re-keyed. */
export const ClientSecret = Type.Object({ clientId: Type.String(), clientSecret: Type.String() });
export type ClientSecret = Static<typeof ClientSecret>;
