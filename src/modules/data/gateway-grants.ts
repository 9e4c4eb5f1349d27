/** A grant as the gateway reads it (with its demand's purpose and legal basis, for the ledger). */
export interface GatewayGrant {
  id: string;
  fields: string[];
  clearFields: string[];
  rowRegion: string | null;
  validFrom: string;
  validTo: string;
  dailyQuota: number;
  status: 'active' | 'revoked';
  bulk: boolean;
  purpose: string | null;
  legalBasis: string | null;
}

export type GrantRefusal = 'DATA_GATEWAY_NO_GRANT' | 'DATA_GATEWAY_GRANT_REVOKED' | 'DATA_GATEWAY_GRANT_EXPIRED';

/**
 * The grant a call runs under: the newest active one whose period holds today. Otherwise why
 * not: none at all, only revoked ones, or active ones outside their period (expired).
 */
export function pickGrant(grants: GatewayGrant[], today: string): GatewayGrant | { refusal: GrantRefusal } {
  if (!grants.length) return { refusal: 'DATA_GATEWAY_NO_GRANT' };
  const active = grants.filter((g) => g.status === 'active');
  if (!active.length) return { refusal: 'DATA_GATEWAY_GRANT_REVOKED' };
  const current = active.filter((g) => g.validFrom <= today && today <= g.validTo).sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return current[0] ?? { refusal: 'DATA_GATEWAY_GRANT_EXPIRED' };
}
