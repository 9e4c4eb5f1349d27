import { useT } from '../../i18n/useT.ts';
import { dataGrants, type Grant } from './demandApi.ts';
import { TextModal } from './TextModal.tsx';
import { useChange } from './useChange.ts';

interface Props {
  /** The grant taken back; null = closed. */
  grant: Grant | null;
  onClose(): void;
  /** Revoked, or changed by someone else first (the list reads it again). */
  onRevoked(): void;
}

/** 撤销授权: the provider takes a grant back with the reason the grantee reads; the gateway refuses it from then on. */
export function GrantRevokeModal({ grant, onClose, onRevoked }: Props) {
  const { t } = useT();
  const change = useChange();
  return (
    <TextModal
      open={!!grant}
      title={t('data.grant.revokeTitle', { name: grant?.resourceName ?? '', grantee: grant?.granteeName ?? '' })}
      hint={t('data.grant.revokeHint')}
      label={t('data.grant.revokedReason')}
      required={t('data.grant.revokeReasonRequired')}
      okText={t('data.grant.revoke')}
      danger
      inputTestId="grant-revoke-reason"
      okTestId="grant-revoke-submit"
      onCancel={onClose}
      onSubmit={(v) =>
        change(() => dataGrants.revoke(grant!.id, { version: grant!.version, reason: v.text }), { done: t('data.grant.revoked'), stale: ['DATA_GRANT_REVOKED'], settled: onRevoked })
      }
    />
  );
}
