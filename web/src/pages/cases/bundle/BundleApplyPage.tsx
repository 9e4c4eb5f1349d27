import { Alert, Button, Card, Checkbox, List, Result, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../auth/useSession.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useErrorText } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import type { BundleDetail } from '../../catalog/admin/api.ts';
import { bundleCases } from './api.ts';
import { SignInPrompt } from '../../../components/SignInPrompt.tsx';

/**
 * /apply-bundle/:code — 在线办理 from a bundle's guide: the applicant sees the items that will run
 * in parallel, ticks the optional ones needed, and starts one draft (found again on reload through
 * the idempotency key kept for this tab).
 */
export default function BundleApplyPage() {
  const { code = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [bundle, setBundle] = useState<BundleDetail>();
  const [optional, setOptional] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get<BundleDetail>(`/api/catalog/bundles/${encodeURIComponent(code)}`).then(setBundle, (err: unknown) => setError(errorText(err)));
  }, [code, errorText]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('cases.apply.signIn')} back={`/apply-bundle/${code}`} />;
  }
  if (error) return <Result status="warning" title={t('cases.apply.failed')} subTitle={error} extra={<Link to={`/bundle/${code}`}><Button>{t('cases.apply.backToGuide')}</Button></Link>} />;
  if (!bundle) return <Spin style={{ display: 'block', margin: 48 }} />;

  const start = () => {
    const storageKey = `yiwang.apply-bundle.${code}`;
    let key = sessionStorage.getItem(storageKey);
    if (!key) {
      key = `bundle-${crypto.randomUUID()}`;
      sessionStorage.setItem(storageKey, key);
    }
    setBusy(true);
    bundleCases.create(code, optional, key).then(
      (r) => {
        sessionStorage.removeItem(storageKey);
        navigate(`/my-bundles/${r.bundleCase.id}`, { replace: true });
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(err));
      },
    );
  };
  const members = bundle.steps.flatMap((s) => s.members.map((m) => ({ ...m, step: s.step })));
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }} data-testid="bundle-apply">
      <PageTitle>{t('casesBundle.startTitle', { name: bundle.bundle.name })}</PageTitle>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('casesBundle.startHint')} />
      <Card size="small" title={members.some((m) => m.optional) ? t('casesBundle.optionalHint') : undefined} style={{ marginBottom: 12 }}>
        <List
          dataSource={members}
          renderItem={(m) => (
            <List.Item>
              {m.optional ? (
                <Checkbox checked={optional.includes(m.code)} onChange={(e) => setOptional((xs) => (e.target.checked ? [...xs, m.code] : xs.filter((x) => x !== m.code)))}>
                  {m.name} <Tag>{m.condition || t('catalog.admin.optionalMember')}</Tag>
                </Checkbox>
              ) : (
                <span>{m.name}</span>
              )}
              <Tag>{t('catalog.admin.step')} {m.step}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Button type="primary" size="large" loading={busy} onClick={start} data-testid="bundle-start">{t('casesBundle.start')}</Button>
    </div>
  );
}
