import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../auth/useSession.ts';
import { useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { cases } from './api.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/**
 * /apply/:itemId — 在线办理 from a guide page: starts (or, on reload, finds again through the
 * idempotency key kept for this tab) a draft and opens it.
 */
export default function ApplyPage() {
  const { itemId = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (user?.kind !== 'person') return;
    const storageKey = `yiwang.apply.${itemId}`;
    let key = sessionStorage.getItem(storageKey);
    if (!key) {
      key = `apply-${crypto.randomUUID()}`;
      sessionStorage.setItem(storageKey, key);
    }
    cases.create(itemId, key).then(
      (r) => {
        sessionStorage.removeItem(storageKey);
        navigate(`/my-cases/${r.case.id}`, { replace: true });
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [user, itemId, navigate, errorText]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('cases.apply.signIn')} back={`/apply/${itemId}`} />;
  }
  if (error) return <Result status="warning" title={t('cases.apply.failed')} subTitle={error} extra={<Link to={`/guide/${itemId}`}><Button>{t('cases.apply.backToGuide')}</Button></Link>} />;
  return <Spin style={{ display: 'block', margin: 48 }} />;
}
