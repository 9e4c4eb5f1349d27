// The hotline's small shared parts: status and deadline tags, the kind and category pickers, the history.
import { App, Card, Cascader, Form, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { date, dateTime } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';
import { FINISHED, hotline, KINDS, type Category, type Kind, type Status, type TicketCreated, type TicketInput } from './api.ts';

const STATUS_COLORS: Record<Status, string> = {
  new: 'blue',
  returned: 'magenta',
  dispatched: 'gold',
  accepted: 'processing',
  completed: 'green',
  closed: 'cyan',
  merged: 'default',
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="hotline-status">
      {t(`hotline.status.${status}`)}
    </Tag>
  );
}

/** Days from the city's today to a date (negative: past). */
const daysTo = (day: string) => Math.round((Date.parse(day) - Date.parse(date(Date.now()))) / 86_400_000);

/** The deadline (办结时限) in city time, with a tag when it is within two days or past; none once finished. */
export function DueDate({ due, status }: { due: string; status: Status }) {
  const { t } = useT();
  const days = daysTo(due);
  const open = !FINISHED.includes(status);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {date(due)}
      {open && days < 0 ? (
        <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="hotline-due-tag">
          {t('hotline.due.overdue')}
        </Tag>
      ) : open && days <= 2 ? (
        <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="hotline-due-tag">
          {days === 0 ? t('hotline.due.today') : t('hotline.due.soon', { days })}
        </Tag>
      ) : null}
    </span>
  );
}

/** 咨询/求助/投诉/举报/建议/表扬 as buttons (arrow keys move between them). */
export function KindRadio(props: { value?: Kind; onChange?: (kind: Kind) => void; id?: string }) {
  const { t } = useT();
  return (
    <Radio.Group
      id={props.id}
      optionType="button"
      block
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value as Kind)}
      options={KINDS.map((k) => ({ value: k, label: t(`hotline.kind.${k}`) }))}
      data-testid="hotline-kind"
    />
  );
}

/** The kind and the category of a request, as the agent's form and the citizen's ask for them. */
export function KindAndCategoryItems() {
  const { t } = useT();
  return (
    <>
      <Form.Item name="kind" label={t('hotline.field.kind')} rules={[{ required: true, message: t('hotline.required.kind') }]}>
        <KindRadio />
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('hotline.field.category')}
        rules={[{ required: true, message: t('hotline.required.category') }]}
      >
        <CategoryCascader />
      </Form.Item>
    </>
  );
}

/**
 * The two-level category (大类 › 小类) from `/api/hotline/categories`; the value is the
 * second-level code the API takes. Type to search across both levels.
 */
export function CategoryCascader({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const { t, lang } = useT();
  const [items, setItems] = useState<Category[]>([]);
  useEffect(() => {
    hotline.categories().then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  const options = useMemo(() => {
    const name = (c: Category) => (lang === 'en-US' && c.nameEn ? c.nameEn : c.name);
    return items
      .filter((c) => !c.parentCode)
      .map((p) => ({
        value: p.code,
        label: name(p),
        children: items.filter((c) => c.parentCode === p.code).map((c) => ({ value: c.code, label: name(c) })),
      }));
  }, [items, lang]);
  const parent = items.find((c) => c.code === value)?.parentCode;
  return (
    <Cascader
      id={id}
      options={options}
      value={value && parent ? [parent, value] : undefined}
      onChange={(path) => onChange?.(path?.[1] as string | undefined)}
      placeholder={t('hotline.field.categoryPlaceholder')}
      showSearch
      expandTrigger="hover"
      style={{ width: '100%' }}
      data-testid="hotline-category"
    />
  );
}

/** Ctrl+Enter (⌘+Enter) anywhere in a form submits it; Enter alone keeps its meaning (a new line in the text). */
export const submitOnCtrlEnter = (submit: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
};

/** Each step with its time (city time) and its note (the reason given back, the reply). */
export function History({ ticket }: { ticket: { history?: { at: string; action: string; note?: string | null }[] } }) {
  const { t, tx } = useT();
  if (!ticket.history?.length) return null;
  return (
    <Card size="small" title={t('hotline.detail.history')} data-testid="hotline-history">
      <Timeline
        items={ticket.history.map((h, i) => ({
          key: i,
          children: (
            <Space orientation="vertical" size={0}>
              <Space size={8}>
                <Typography.Text strong>{tx(`hotline.action.${h.action}`, h.action)}</Typography.Text>
                <Typography.Text type="secondary">{dateTime(h.at)}</Typography.Text>
              </Space>
              {h.note ? (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                  {/* a ticket's first step notes its channel */}
                  {h.action === 'created' ? tx(`hotline.channel.${h.note}`, h.note) : h.note}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

/**
 * Registering a ticket (the agent's call, the citizen's request): `create` posts it and, once
 * created, keeps the number and the query code in `created` and calls `onCreated`.
 */
export function useCreateTicket(onCreated: () => void) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<TicketCreated | null>(null);
  /** with `answer`: 直接答复 at once (from the knowledge base), the call finished in one go */
  const create = async (input: TicketInput, answer?: { reply: string; articleId?: string }) => {
    setSaving(true);
    try {
      const made = await hotline.create(input);
      if (answer) made.ticket = await hotline.answer(made.ticket, answer.reply, answer.articleId);
      setCreated(made);
      message.success(t('hotline.created.title'));
      onCreated();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };
  return { saving, created, setCreated, create };
}
