import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { Verification } from './api.ts';

/**
 * The 核验包 under a presentation's result. It arrives inside the verification answer because
 * a one-time presentation is spent by that answer: a second request for it would be refused.
 */
export function VerifyPackage({ result }: { result: Verification }) {
  const { t } = useT();
  const pkg = result.verificationPackage;
  if (!result.presentation || !result.genuine) return null;
  if (!pkg) {
    const why = result.presentation.wholeDocument ? t('verifyPackage.notInForce') : t('verifyPackage.partial');
    return <Alert type="info" showIcon style={{ marginTop: 16 }} title={why} data-testid="verify-package-none" />;
  }
  return (
    <div style={{ marginTop: 16 }} data-testid="verify-package">
      <Button type="primary" ghost icon={<DownloadOutlined />} onClick={() => save(pkg)} style={{ maxWidth: '100%', whiteSpace: 'normal', height: 'auto' }}>
        {t('verifyPackage.download')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('verifyPackage.hint')}
      </Typography.Paragraph>
    </div>
  );
}

function save(pkg: NonNullable<Verification['verificationPackage']>) {
  const bytes = Uint8Array.from(atob(pkg.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = pkg.fileName;
  a.click();
  URL.revokeObjectURL(url);
}
