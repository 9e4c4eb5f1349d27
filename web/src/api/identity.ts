import { api, request } from './client.ts';

/** Calls of the unified identity API (src/modules/identity/*-routes.ts); the shapes are its route schemas' types. */
import type {
  ActingOption,
  Agent,
  AgentGrant,
  ClientPatch,
  ClientSecret,
  LoginEvent,
  MyAccount,
  EnterpriseRegistered,
  NewClient,
  OidcClient,
  PasswordReset,
  Profile,
  Registration,
  SessionRow,
  SmsCodeRequest,
  TotpEnrolment,
} from '../../../src/modules/identity/api.ts';

export type {
  ActingOption,
  Agent,
  AgentGrant,
  ClientScope,
  ClientSecret,
  GrantType,
  LoginEvent,
  MyAccount,
  NewClient,
  OidcClient,
  Profile,
  SessionRow,
  TotpState,
} from '../../../src/modules/identity/api.ts';
export type { EnterpriseActing as ActingFor } from '../../../src/modules/identity/api.ts';
export type AssuranceLevel = Profile['assuranceLevel'];
export type EnterpriseRole = ActingOption['role'];

export const identity = {
  sendSmsCode: (phone: string, purpose: SmsCodeRequest['purpose']) =>
    api.post<{ resendAfter: number }>('/api/identity/sms-codes', { phone, purpose }),
  register: (body: Registration) =>
    api.post<{ id: string; assuranceLevel: AssuranceLevel }>('/api/identity/register', body),
  resetPassword: (body: PasswordReset) => api.post<{ ok: boolean }>('/api/identity/password-reset', body),

  me: () => api.get<MyAccount>('/api/identity/me'),
  sessions: () => api.get<{ items: SessionRow[] }>('/api/identity/me/sessions').then((r) => r.items),
  revokeSession: (id: string) => api.delete<{ ok: boolean }>(`/api/identity/me/sessions/${encodeURIComponent(id)}`),
  logins: () => api.get<{ items: LoginEvent[] }>('/api/identity/me/logins').then((r) => r.items),
  beginTotp: () => api.post<TotpEnrolment>('/api/identity/me/totp'),
  confirmTotp: (code: string) => api.post<{ ok: boolean }>('/api/identity/me/totp/confirm', { code }),
  // DELETE with a body: the code proves the holder of the authenticator turns it off
  removeTotp: (code: string) => request<{ ok: boolean }>('DELETE', '/api/identity/me/totp', { body: { code } }),

  enterprises: () => api.get<{ items: ActingOption[] }>('/api/identity/enterprises').then((r) => r.items),
  registerEnterprise: (body: { uscc: string; name: string }) => api.post<EnterpriseRegistered>('/api/identity/enterprises', body),
  agents: (enterpriseId: string) => api.get<{ items: Agent[] }>(`/api/identity/enterprises/${enterpriseId}/agents`).then((r) => r.items),
  grantAgent: (enterpriseId: string, body: AgentGrant) => api.post<{ id: string }>(`/api/identity/enterprises/${enterpriseId}/agents`, body),
  revokeAgent: (enterpriseId: string, grantId: string) => api.delete<{ ok: boolean }>(`/api/identity/enterprises/${enterpriseId}/agents/${grantId}`),
  /** Act for an enterprise in this web session (null: for oneself). */
  actAs: (enterpriseId: string | null) => api.post<{ ok: boolean }>('/api/auth/act-as', { enterpriseId }),

  clients: () => api.get<{ items: OidcClient[] }>('/api/identity/clients').then((r) => r.items),
  createClient: (body: NewClient) => api.post<ClientSecret>('/api/identity/clients', body),
  updateClient: (clientId: string, body: ClientPatch) =>
    api.patch<OidcClient>(`/api/identity/clients/${encodeURIComponent(clientId)}`, body),
  rotateClientSecret: (clientId: string) => api.post<ClientSecret>(`/api/identity/clients/${encodeURIComponent(clientId)}/secret`),
  rotateSigningKey: () => api.post<{ kid: string }>('/api/identity/keys/rotate'),
};
