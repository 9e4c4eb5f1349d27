import { Card, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError, useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, type Dictionary, type LinkInvitation as Invitation } from './api.ts';
import { RatingForm } from './RatingForm.tsx';

/** /rate/:token — the link in the invitation SMS: rate without signing in. */
export default function RateLinkPage() {
  const { token = '' } = useParams();
  const { t } = useT();
  const showError = useApiError();
  const errorText = useErrorText();
  const [invitation, setInvitation] = useState<Invitation>();
  const [dictionary, setDictionary] = useState<Dictionary>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ratings.linkInvitation(token).then(setInvitation, (err) => setFailure(errorText(err)));
    ratings.dictionary().then(setDictionary, showError);
  }, [token, errorText, showError]);

  if (failure) return <Result status="warning" title={failure} />;
  if (!invitation || !dictionary) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (done || invitation.status !== 'open') return <Result status="success" title={t('ratings.my.thanks')} data-testid="rating-done" />;
  return (
    <Card variant="borderless" style={{ maxWidth: 720, margin: '24px auto' }}>
      <PageTitle>{t('ratings.link.title')}</PageTitle>
      <Typography.Paragraph>
        <Typography.Text strong>{invitation.itemName}</Typography.Text> · {invitation.caseNumber} · {invitation.departmentName}
      </Typography.Paragraph>
      <RatingForm
        dictionary={dictionary}
        dimensionSet={invitation.dimensionSet}
        busy={busy}
        onSubmit={async (content) => {
          setBusy(true);
          try {
            await ratings.rateByLink(token, content);
            setDone(true);
          } catch (err) {
            showError(err);
          } finally {
            setBusy(false);
          }
        }}
      />
    </Card>
  );
}
