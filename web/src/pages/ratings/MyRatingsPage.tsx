import { Alert, App, Button, Card, Empty, List, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, type Dictionary, type Invitation, type MyRating } from './api.ts';
import { RatingForm } from './RatingForm.tsx';
import { date, dateTime } from '../../app/city-time.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

/** /my-ratings — 我的评价: services waiting for a rating, and given ratings with the department's reply. */
export default function MyRatingsPage() {
  const { t } = useT();
  const { user } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const [data, setData] = useState<{ invitations: Invitation[]; ratings: MyRating[] }>();
  const [dictionary, setDictionary] = useState<Dictionary>();
  const [rating, setRating] = useState<Invitation>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => ratings.mine().then(setData, showError), [showError]);
  useEffect(() => {
    if (user?.kind !== 'person') return;
    void load();
    ratings.dictionary().then(setDictionary, showError);
  }, [user, load, showError]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('ratings.my.signIn')} back={'/my-ratings'} />;
  }

  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }} data-testid="my-ratings">
      <PageTitle>{t('ratings.my.title')}</PageTitle>
      <Typography.Title level={5}>{t('ratings.my.waiting')}</Typography.Title>
      <List
        loading={!data}
        dataSource={data?.invitations ?? []}
        locale={{ emptyText: <Empty description={t('ratings.my.noneWaiting')} /> }}
        renderItem={(i) => (
          <Card key={`${i.caseId}-${i.stage}`} size="small" style={{ marginBottom: 8 }} data-testid="rating-invitation">
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{i.itemName}</Typography.Text>
                <Typography.Text type="secondary">
                  {i.caseNumber} · {t(`ratings.stage.${i.stage}` as MessageKey)} · {t('ratings.my.dueAt', { at: date(i.dueAt) })}
                </Typography.Text>
              </Space>
              <Button type="primary" data-testid="rating-start" onClick={() => setRating(i)}>{t('ratings.my.rate')}</Button>
            </Space>
          </Card>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('ratings.my.given')}</Typography.Title>
      <List
        loading={!data}
        dataSource={data?.ratings ?? []}
        locale={{ emptyText: <Empty description={t('ratings.my.noneGiven')} /> }}
        renderItem={(r) => <GivenRating key={r.id} rating={r} />}
      />
      <Modal open={!!rating} title={rating?.itemName} footer={null} onCancel={() => setRating(undefined)} width={640} destroyOnHidden>
        {rating && dictionary && (
          <RatingForm
            dictionary={dictionary}
            dimensionSet="online"
            busy={busy}
            onSubmit={async (content) => {
              setBusy(true);
              try {
                await ratings.rate(rating.caseId, rating.stage, content);
                message.success(t('ratings.my.thanks'));
                setRating(undefined);
              } catch (err) {
                showError(err);
              } finally {
                setBusy(false);
                await load();
              }
            }}
          />
        )}
      </Modal>
    </div>
  );
}

function GivenRating({ rating: r }: { rating: MyRating }) {
  const { t } = useT();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="rating-given">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{r.itemName}</Typography.Text>
          <Tag color={r.level <= 2 ? 'red' : r.level >= 4 ? 'green' : 'gold'} data-testid="rating-level">{r.levelName}</Tag>
          {r.defaulted && <Tag>{t('ratings.my.defaulted')}</Tag>}
          {r.excluded && <Tag color="default" data-testid="rating-excluded">{t('ratings.my.excluded')}</Tag>}
          <Typography.Text type="secondary">{r.caseNumber} · {dateTime(r.ratedAt)}</Typography.Text>
        </Space>
        {r.tags.length > 0 && <Space wrap>{r.tags.map((tag) => <Tag key={tag.code} color="orange">{tag.name}</Tag>)}</Space>}
        {/* typed text is shown as text: React escapes it, markup never becomes HTML */}
        {r.comment && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.comment}</Typography.Paragraph>}
        {r.excluded && r.excludedReason && <Typography.Text type="secondary">{t('ratings.my.excludedReason', { reason: r.excludedReason })}</Typography.Text>}
        {r.rectification && (
          r.rectification.reply ? (
            <Alert
              type="success"
              showIcon
              data-testid="rating-reply"
              message={t('ratings.my.reply', { at: r.rectification.repliedAt ? dateTime(r.rectification.repliedAt) : '' })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.rectification.reply}</span>}
            />
          ) : (
            <Alert type="info" showIcon message={t('ratings.my.inRectification', { due: r.rectification.dueDate ?? '' })} />
          )
        )}
      </Space>
    </Card>
  );
}
