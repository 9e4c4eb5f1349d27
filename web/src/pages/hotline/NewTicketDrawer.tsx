import { Alert, Button, Checkbox, Col, Drawer, Form, Grid, Input, type GetRef, List, Result, Row, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { date } from '../../app/city-time.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useT } from '../../i18n/useT.ts';
import { hotline, type Kind, type Ticket } from './api.ts';
import type { KnowledgeHit } from './knowledge-api.ts';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { KindAndCategoryItems, StatusTag, submitOnCtrlEnter, useCreateTicket } from './parts.tsx';

const MOBILE = /^1[3-9]\d{9}$/;

interface Values {
  kind: Kind;
  categoryCode: string;
  content: string;
  address?: string;
  regionCode?: string;
  callerName?: string;
  callerPhone?: string;
  anonymous?: boolean;
}

/**
 * 登记工单: the agent types what the caller says (the text has the focus), its kind and category,
 * where, and the caller; the caller's earlier tickets show as soon as the phone number is whole.
 * Once registered, the number and the query code to read out to the caller.
 */
export function NewTicketDrawer({
  open,
  onClose,
  onCreated,
  onOpenTicket,
}: {
  open: boolean;
  onClose(): void;
  onCreated(): void;
  onOpenTicket(id: string): void;
}) {
  const { t } = useT();
  const wide = Grid.useBreakpoint().md !== false;
  const [form] = Form.useForm<Values>();
  const { saving, created, setCreated, create } = useCreateTicket(onCreated);
  const phone = Form.useWatch('callerPhone', form);
  const said = Form.useWatch('content', form);
  // the drawer takes the focus as it opens: then the text gets it, and again for the next call
  const content = useRef<GetRef<typeof Input.TextArea>>(null);
  const focusContent = () => setTimeout(() => content.current?.focus(), 0);

  const submit = (v: Values, hit?: KnowledgeHit) =>
    create(
      {
        kind: v.kind,
        categoryCode: v.categoryCode,
        content: v.content.trim(),
        place: {
          ...(v.address?.trim() ? { address: v.address.trim() } : {}),
          ...(v.regionCode ? { regionCode: v.regionCode } : {}),
        },
        caller: {
          ...(v.callerName?.trim() ? { name: v.callerName.trim() } : {}),
          ...(v.callerPhone ? { phone: v.callerPhone } : {}),
        },
        anonymous: v.anonymous ?? false,
      },
      hit ? { reply: hit.answer, ...(hit.kind === 'article' ? { articleId: hit.id } : {}) } : undefined,
    );
  const another = () => {
    setCreated(null);
    form.resetFields();
    focusContent();
  };

  return (
    <Drawer
      open={open}
      size={wide ? 720 : '100%'}
      title={t('hotline.newTicket')}
      onClose={onClose}
      afterOpenChange={(visible) => (visible ? focusContent() : another())}
      destroyOnHidden
      data-testid="hotline-new-drawer"
    >
      {created ? (
        <Result
          status="success"
          title={t('hotline.created.title')}
          subTitle={t('hotline.created.readOut')}
          data-testid="hotline-created"
          extra={[
            <Button
              key="open"
              onClick={() => {
                // the call is done: the ticket instead of the form
                onOpenTicket(created.ticket.id);
                onClose();
              }}
              data-testid="hotline-created-open"
            >
              {t('hotline.created.open')}
            </Button>,
            <Button key="another" type="primary" onClick={another} autoFocus>
              {t('hotline.created.another')}
            </Button>,
          ]}
        >
          <Space orientation="vertical" size={4} style={{ width: '100%', textAlign: 'center' }}>
            {created.duplicates.length ? (
              <Alert
                type="warning"
                showIcon
                style={{ textAlign: 'start', marginBottom: 12 }}
                title={t('hotline.duplicates.found', { count: created.duplicates.length })}
                description={created.duplicates.map((d) => `${d.number} ${d.title}`).join('；')}
                data-testid="hotline-created-duplicates"
              />
            ) : null}
            <Typography.Text type="secondary">{t('hotline.created.number')}</Typography.Text>
            <Typography.Text
              strong
              copyable
              style={{ fontSize: 26, letterSpacing: 1, whiteSpace: 'nowrap' }}
              data-testid="hotline-created-number"
            >
              {created.ticket.number}
            </Typography.Text>
            <Typography.Text type="secondary">{t('hotline.created.code')}</Typography.Text>
            <Typography.Text
              strong
              copyable
              style={{ fontSize: 26, letterSpacing: 6, whiteSpace: 'nowrap' }}
              data-testid="hotline-created-code"
            >
              {created.queryCode}
            </Typography.Text>
          </Space>
        </Result>
      ) : (
        <div onKeyDown={submitOnCtrlEnter(() => form.submit())}>
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ kind: 'consultation' }}
            data-testid="hotline-form"
          >
            <Form.Item
              name="content"
              label={t('hotline.field.content')}
              rules={[{ required: true, whitespace: true, message: t('hotline.required.content') }]}
            >
              <Input.TextArea
                ref={content}
                maxLength={4000}
                showCount
                autoSize={{ minRows: 4, maxRows: 12 }}
                placeholder={t('hotline.field.contentPlaceholder')}
                data-testid="hotline-content"
              />
            </Form.Item>
            <KnowledgePanel
              text={said ?? ''}
              busy={saving}
              onUse={(hit) =>
                form.validateFields().then(
                  (v) => submit(v, hit),
                  () => undefined,
                )
              }
            />
            <KindAndCategoryItems />
            <Row gutter={12}>
              <Col xs={24} md={14}>
                <Form.Item name="address" label={t('hotline.field.address')}>
                  <Input maxLength={200} data-testid="hotline-address" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="regionCode" label={t('hotline.field.region')}>
                  <RegionSelect maxLevel={3} allowClear style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="callerName" label={t('hotline.field.callerName')}>
                  <Input maxLength={50} data-testid="hotline-caller-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item
                  name="callerPhone"
                  label={t('hotline.field.callerPhone')}
                  rules={[{ pattern: MOBILE, message: t('hotline.required.phone') }]}
                >
                  <Input inputMode="numeric" maxLength={11} data-testid="hotline-caller-phone" />
                </Form.Item>
              </Col>
            </Row>
            <CallerHistory phone={MOBILE.test(phone ?? '') ? phone! : null} onOpen={onOpenTicket} />
            <Form.Item name="anonymous" valuePropName="checked">
              <Checkbox data-testid="hotline-anonymous">{t('hotline.field.anonymous')}</Checkbox>
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="hotline-submit">
                {t('hotline.submit')}
              </Button>
              <Typography.Text type="secondary">{t('hotline.submitHint')}</Typography.Text>
            </Space>
          </Form>
        </div>
      )}
    </Drawer>
  );
}

/** The tickets registered earlier from this number (the centre alone may look them up). */
function CallerHistory({ phone, onOpen }: { phone: string | null; onOpen(id: string): void }) {
  const { t } = useT();
  const [items, setItems] = useState<Ticket[] | null>(null);
  useEffect(() => {
    setItems(null);
    if (!phone) return;
    const controller = new AbortController();
    hotline.list({ callerPhone: phone, pageSize: 5 }, controller.signal).then(
      (r) => setItems(r.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [phone]);
  if (!phone) return null;
  return (
    <List<Ticket>
      size="small"
      bordered
      loading={items === null}
      style={{ marginBottom: 16 }}
      header={<Typography.Text strong>{t('hotline.history')}</Typography.Text>}
      dataSource={items ?? []}
      locale={{ emptyText: t('hotline.historyNone') }}
      data-testid="hotline-caller-history"
      renderItem={(r) => (
        <List.Item actions={[<StatusTag key="s" status={r.status} />]}>
          <Space size={8} wrap>
            <Typography.Link onClick={() => onOpen(r.id)}>{r.number}</Typography.Link>
            <Typography.Text type="secondary">{date(r.createdAt)}</Typography.Text>
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {r.title}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
