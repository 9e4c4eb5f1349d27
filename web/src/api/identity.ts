import { api, request } from './client.ts';

/** Shapes and calls of the unified identity API (src/modules/identity/*-routes.ts). */

export type AssuranceLevel = 1 | 2 | 3;
export type EnterpriseRole = 'legal_rep' | 'admin' | 'agent';

/** An enterprise the signed-in person may act for, and how. */
export interface ActingOption {
  enterpriseId: string;
  uscc: string;
  name: string;
  role: EnterpriseRole;
  scope: 'all' | 'items';
  itemCodes: string[];
  expiresAt: string | null;
}

/** The enterprise a web session currently acts for (GET /api/auth/me → user.actingFor). */
export type ActingFor = Omit<ActingOption, 'expiresAt'>;

export interface Profile {
  id: string;
  name: string;
  /** Masked by the server, e.g. 4453**********1234. */
  idNumber: string;
  phone: string | null;
  email: string | null;
  assuranceLevel: AssuranceLevel;
  regionCode: string | null;
  createdAt: string;
}

export type TotpState = 'none' | 'pending' | 'active';

export interface MyAccount {
  profile: Profile | null;
  totp: TotpState;
  totpRequired: boolean;
  enterprises: ActingOption[];
}

export interface SessionRow {
  id: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  channel: 'web' | 'mobile' | 'workbench';
  current: boolean;
}

export interface LoginEvent {
  at: string;
  event: string;
  ip: string | null;
  method: string | null;
  client: string | null;
}

export interface Agent {
  id: string;
  name: string;
  phone: string | null;
  isAdmin: boolean;
  scope: 'all' | 'items';
  itemCodes: string[];
  expiresAt: string;
  status: 'active' | 'revoked' | 'expired';
}

export interface AgentGrant {
  phone?: string;
  idNumber?: string;
  scope: 'all' | 'items';
  itemCodes?: string[];
  expiresAt: string;
  isAdmin?: boolean;
}

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';
export type ClientScope = 'openid' | 'profile' | 'yiwang' | 'offline_access';

export interface OidcClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: GrantType[];
  scope: string;
  minAssuranceLevel: number;
  logoUri: string | null;
  status: 'active' | 'disabled';
  firstParty: boolean;
  createdAt: string;
}

export interface NewClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: GrantType[];
  scopes: ClientScope[];
  minAssuranceLevel?: AssuranceLevel;
  logoUri?: string;
}

export interface ClientSecret {
  clientId: string;
  clientSecret: string;
}

export const identity = {
  sendSmsCode: (phone: string, purpose: 'register' | 'reset') =>
    api.post<{ resendAfter: number }>('/api/identity/sms-codes', { phone, purpose }),
  register: (body: { name: string; idNumber: string; phone: string; email?: string; password: string; code: string }) =>
    api.post<{ id: string; assuranceLevel: AssuranceLevel }>('/api/identity/register', body),
  resetPassword: (body: { phone: string; code: string; password: string }) => api.post<{ ok: boolean }>('/api/identity/password-reset', body),

  me: () => api.get<MyAccount>('/api/identity/me'),
  sessions: () => api.get<{ items: SessionRow[] }>('/api/identity/me/sessions').then((r) => r.items),
  revokeSession: (id: string) => api.delete<{ ok: boolean }>(`/api/identity/me/sessions/${encodeURIComponent(id)}`),
  logins: () => api.get<{ items: LoginEvent[] }>('/api/identity/me/logins').then((r) => r.items),
  beginTotp: () => api.post<{ secret: string; uri: string; qr: string }>('/api/identity/me/totp'),
  confirmTotp: (code: string) => api.post<{ ok: boolean }>('/api/identity/me/totp/confirm', { code }),
  // DELETE with a body: the code proves the holder of the authenticator turns it off
  removeTotp: (code: string) => request<{ ok: boolean }>('DELETE', '/api/identity/me/totp', { body: { code } }),

  enterprises: () => api.get<{ items: ActingOption[] }>('/api/identity/enterprises').then((r) => r.items),
  registerEnterprise: (body: { uscc: string; name: string }) => api.post<{ id: string }>('/api/identity/enterprises', body),
  agents: (enterpriseId: string) => api.get<{ items: Agent[] }>(`/api/identity/enterprises/${enterpriseId}/agents`).then((r) => r.items),
  grantAgent: (enterpriseId: string, body: AgentGrant) => api.post<{ id: string }>(`/api/identity/enterprises/${enterpriseId}/agents`, body),
  revokeAgent: (enterpriseId: string, grantId: string) => api.delete<{ ok: boolean }>(`/api/identity/enterprises/${enterpriseId}/agents/${grantId}`),
  /** Act for an enterprise in this web session (null: for oneself). */
  actAs: (enterpriseId: string | null) => api.post<{ ok: boolean }>('/api/auth/act-as', { enterpriseId }),

  clients: () => api.get<{ items: OidcClient[] }>('/api/identity/clients').then((r) => r.items),
  createClient: (body: NewClient) => api.post<ClientSecret>('/api/identity/clients', body),
  updateClient: (clientId: string, body: Partial<Pick<OidcClient, 'name' | 'redirectUris' | 'minAssuranceLevel' | 'status'>>) =>
    api.patch<OidcClient>(`/api/identity/clients/${encodeURIComponent(clientId)}`, body),
  rotateClientSecret: (clientId: string) => api.post<ClientSecret>(`/api/identity/clients/${encodeURIComponent(clientId)}/secret`),
  rotateSigningKey: () => api.post<{ kid: string }>('/api/identity/keys/rotate'),
};
