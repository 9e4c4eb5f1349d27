import { Type, type Static } from 'typebox';

/**
 * What an administrator may say about a department system. The routes declare these schemas
 * and the services check their input against them again, so the command line gets the same
 * 400 VALIDATION_FAILED as a request.
 */
export const ClientId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' });
const Name = Type.String({ minLength: 2, maxLength: 100 });
const Uri = Type.String({ minLength: 8, maxLength: 500 });
const GrantType = Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token'), Type.Literal('client_credentials')]);
const Scope = Type.Union([Type.Literal('openid'), Type.Literal('profile'), Type.Literal('yiwang'), Type.Literal('offline_access')]);
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
  grantTypes: Type.Array(Type.String()),
  scope: Type.String(),
  minAssuranceLevel: Type.Integer(),
  logoUri: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  firstParty: Type.Boolean(),
  createdAt: Type.String(),
});
export type Client = Static<typeof Client>;

/** The secret, shown once when a system is registered or re-keyed. */
export const ClientSecret = Type.Object({ clientId: Type.String(), clientSecret: Type.String() });
export type ClientSecret = Static<typeof ClientSecret>;
