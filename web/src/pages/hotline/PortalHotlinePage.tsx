import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { date } from '../../app/city-time.ts';
import { loginPath } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useErrorText } from '../../components/useApiError.ts';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useT } from '../../i18n/useT.ts';
import { hotline, MAX_PHOTOS, type Kind, type TrackedTicket } from './api.ts';
import { LocationButton, PhotoPicker, type Coordinates } from './intake-parts.tsx';
import { DueDate, History, KindAndCategoryItems, StatusTag, submitOnCtrlEnter, useCreateTicket } from './parts.tsx';

const PATH = '/hotline';

/**
 * /hotline — 12345 on the portal, phone first: a signed-in citizen sends a request and reads their
 * own (我的诉求); anyone follows one with its number and query code (查询), signed in or not.
 */
export default function PortalHotlinePage() {
  const { t } = useT();
  const { user } = useSession();
  const citizen = user?.kind === 'person';
  return (
    <div style={{ maxWidth: 760, margin: '24px auto', padding: '0 16px' }} data-testid="portal-hotline">
      <PageTitle>{t('hotline.portal.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('hotline.portal.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {citizen ? (
          <MyRequests />
        ) : (
          <Card size="small" title={t('hotline.portal.submitTitle')}>
            <Space wrap>
              <Typography.Text type="secondary">{t('hotline.portal.signIn')}</Typography.Text>
              <Link to={loginPath(PATH)}>
                <Button type="primary">{t('common.login')}</Button>
              </Link>
            </Space>
          </Card>
        )}
        <Track />
      </Space>
    </div>
  );
}

interface RequestValues {
  kind: Kind;
  categoryCode: string;
  content: string;
  address?: string;
  location?: Coordinates;
  photoIds?: string[];
}

/** The form to send a request, and the signed-in person's requests under it. */
function MyRequests() {
  const { t } = useT();
  const [form] = Form.useForm<RequestValues>();
  const fetchPage = useCallback((signal: AbortSignal) => hotline.list({ pageSize: 20 }, signal), []);
  const { page: mine, loading, reload } = useFetchedPage(fetchPage);
  const { saving, created, setCreated, create } = useCreateTicket(() => {
    form.resetFields();
    reload();
  });

  const submit = (v: RequestValues) =>
    create({
      kind: v.kind,
      categoryCode: v.categoryCode,
      content: v.content.trim(),
      place: {
        ...(v.address?.trim() ? { address: v.address.trim() } : {}),
        ...(v.location ? { lat: v.location.lat, lng: v.location.lng } : {}),
      },
      ...(v.photoIds?.length ? { photoIds: v.photoIds } : {}),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('hotline.portal.submitTitle')}>
        {created ? (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setCreated(null) }}
            style={{ marginBottom: 16 }}
            title={t('hotline.portal.created')}
            data-testid="hotline-created"
            description={
              <Space size={[16, 4]} wrap>
                <span>
                  {t('hotline.created.number')}{' '}
                  <Typography.Text strong copyable data-testid="hotline-created-number">
                    {created.ticket.number}
                  </Typography.Text>
                </span>
                <span>
                  {t('hotline.created.code')}{' '}
                  <Typography.Text strong copyable data-testid="hotline-created-code">
                    {created.queryCode}
                  </Typography.Text>
                </span>
              </Space>
            }
          />
        ) : null}
        <Form<RequestValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: 'consultation' }}
          onKeyDown={submitOnCtrlEnter(() => form.submit())}
          data-testid="hotline-portal-form"
        >
          <KindAndCategoryItems />
          <Form.Item
            name="content"
            label={t('hotline.field.content')}
            rules={[{ required: true, whitespace: true, message: t('hotline.required.content') }]}
          >
            <Input.TextArea
              maxLength={4000}
              showCount
              autoSize={{ minRows: 4, maxRows: 10 }}
              placeholder={t('hotline.portal.contentPlaceholder')}
              data-testid="hotline-content"
            />
          </Form.Item>
          <Form.Item name="address" label={t('hotline.field.address')} style={{ marginBottom: 8 }}>
            <Input maxLength={200} data-testid="hotline-address" />
          </Form.Item>
          <Form.Item name="location">
            <LocationButton />
          </Form.Item>
          <Form.Item name="photoIds" label={t('hotline.photo.label')} extra={t('hotline.photo.hint', { count: MAX_PHOTOS })}>
            <PhotoPicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block data-testid="hotline-submit">
            {t('hotline.portal.submit')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('hotline.portal.mine')} data-testid="hotline-mine">
        <List
          loading={loading}
          dataSource={mine?.items ?? []}
          rowKey="id"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.portal.mineEmpty')} /> }}
          renderItem={(r) => (
            <List.Item data-testid="hotline-mine-item">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={8} wrap>
                  <StatusTag status={r.status} />
                  <Typography.Text strong>{r.number}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`hotline.kind.${r.kind}`)} · {r.categoryName ?? t('hotline.detail.unclassified')} · {date(r.createdAt)}
                  </Typography.Text>
                </Space>
                <Typography.Text>{r.title}</Typography.Text>
                {r.reply ? (
                  <Typography.Text type="success" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('hotline.portal.reply')}：{r.reply}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

/** A merged ticket's caller follows the main ticket: its department, deadline and reply. */
const followed = (found: TrackedTicket): TrackedTicket =>
  found.mergedInto
    ? { ...found, department: found.mergedInto.department, dueDate: found.mergedInto.dueDate, reply: found.mergedInto.reply }
    : found;

/** 查询: the number and the query code given at intake; what the caller may read of the ticket. */
function Track() {
  const { t } = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ number: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<TrackedTicket | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const look = async ({ number, code }: { number: string; code: string }) => {
    setBusy(true);
    setFailed(null);
    try {
      setFound(followed(await hotline.track(number.trim(), code.trim())));
    } catch (err) {
      setFound(null);
      setFailed(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('hotline.portal.track')} data-testid="hotline-track">
      <Typography.Paragraph type="secondary">{t('hotline.portal.trackIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={look}>
        <Form.Item
          name="number"
          label={t('hotline.portal.number')}
          rules={[{ required: true, pattern: /^\s*\d{14}\s*$/, message: t('hotline.required.number') }]}
        >
          <Input inputMode="numeric" maxLength={16} data-testid="hotline-track-number" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('hotline.portal.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('hotline.required.code') }]}
        >
          <Input inputMode="numeric" maxLength={8} data-testid="hotline-track-code" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} block data-testid="hotline-track-submit">
          {t('hotline.portal.trackSubmit')}
        </Button>
      </Form>
      {failed ? (
        <Alert type="warning" showIcon title={failed} style={{ marginTop: 16 }} data-testid="hotline-track-error" />
      ) : null}
      {found ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 16 }} data-testid="hotline-tracked">
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              { key: 'number', label: t('hotline.portal.number'), children: found.number },
              { key: 'status', label: t('hotline.col.status'), children: <StatusTag status={found.status} /> },
              {
                key: 'kind',
                label: t('hotline.col.kind'),
                children: `${t(`hotline.kind.${found.kind}`)} · ${found.categoryName ?? t('hotline.detail.unclassified')}`,
              },
              ...(found.mergedInto
                ? [
                    {
                      key: 'merged',
                      label: t('hotline.detail.mergedInto'),
                      children: (
                        <Space orientation="vertical" size={2} data-testid="hotline-tracked-merged">
                          <Typography.Text type="secondary">{t('hotline.portal.mergedIntro')}</Typography.Text>
                          <Space size={8} wrap>
                            <Typography.Text strong>{found.mergedInto.number}</Typography.Text>
                            <StatusTag status={found.mergedInto.status} />
                          </Space>
                        </Space>
                      ),
                    },
                  ]
                : []),
              { key: 'department', label: t('hotline.portal.department'), children: found.department ?? '—' },
              { key: 'due', label: t('hotline.portal.due'), children: <DueDate due={found.dueDate} status={found.status} /> },
              {
                key: 'reply',
                label: t('hotline.portal.reply'),
                children: found.reply ? (
                  <span style={{ whiteSpace: 'pre-wrap' }} data-testid="hotline-tracked-reply">
                    {found.reply}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('hotline.portal.noReply')}</Typography.Text>
                ),
              },
            ]}
          />
          <History ticket={found} />
        </Space>
      ) : null}
    </Card>
  );
}
