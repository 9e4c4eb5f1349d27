import { Alert, Button, Modal, Typography } from 'antd';
import type { ClientSecret } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';

/** The client secret, shown this once: the server keeps it encrypted and never returns it again. */
export function SecretModal({ secret, onClose }: { secret: ClientSecret; onClose(): void }) {
  const { t } = useT();
  return (
    <Modal
      open
      title={`${t('identity.clients.secretTitle')} — ${secret.clientId}`}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('identity.clients.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('identity.clients.secretWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: secret.clientSecret, tooltips: [t('identity.clients.copy'), t('identity.clients.copied')] }}
        className="identity-secret"
        data-testid="client-secret"
      >
        {secret.clientSecret}
      </Typography.Paragraph>
    </Modal>
  );
}
