import { api } from '../../../api/client.ts';
// API shapes come from the identity and ratings route schemas (type-only: nothing of the server is bundled).
import type { LegalRepAtWindow, LegalRepWindowProof, Profile } from '../../../../../src/modules/identity/api.ts';
import type { PadWindow } from '../../../../../src/modules/ratings/api.ts';

export type { LegalRepAtWindow, LegalRepWindowProof, PadWindow };
/** What the clerk sees of a person at the 实名等级 3 check: the masked record of `/persons/lookup`. */
export type WindowPerson = Profile;

const enterprisePath = (id: string) => `/api/identity/enterprises/${encodeURIComponent(id)}/legal-rep/verify-in-person`;
const personPath = (id: string) => `/api/identity/persons/${encodeURIComponent(id)}/verify-in-person`;

export const windowIdentity = {
  /** 法定代表人现场核验 (identity's legal-rep-window.ts): the claim in the clerk's region, masked. */
  findLegalRep: (uscc: string) => api.get<LegalRepAtWindow>('/api/identity/legal-reps', { uscc }),
  proveLegalRep: (enterpriseId: string, body: LegalRepWindowProof) =>
    api.post<LegalRepAtWindow>(enterprisePath(enterpriseId), body),
  /** 实名等级 3 (identity's in-person.ts): the account of the card in hand, then the check. */
  findPerson: (idNumber: string) => api.get<WindowPerson>('/api/identity/persons/lookup', { idNumber }),
  provePerson: (personId: string, body: Pick<LegalRepWindowProof, 'idNumber' | 'windowId'>) =>
    api.post<WindowPerson>(personPath(personId), body),
  /**
   * The windows of the clerk's halls (the rating pad's list: the regions of the clerk's
   * window_clerk grants), which are the windows both checks accept.
   */
  windows: () => api.get<{ items: PadWindow[] }>('/api/ratings/pad/windows'),
};
