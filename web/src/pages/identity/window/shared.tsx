import { SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Result, Select, Space, Spin, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useErrorText } from '../../../components/useApiError.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import { windowIdentity, type PadWindow } from './api.ts';

/** The window a clerk sits at rarely changes during a day: remembered in this browser. */
const WINDOW_KEY = 'yiwang.identityWindow.window';
export const savedWindow = () => localStorage.getItem(WINDOW_KEY) ?? undefined;
export const saveWindow = (id: string | undefined) =>
  id ? localStorage.setItem(WINDOW_KEY, id) : localStorage.removeItem(WINDOW_KEY);

/** The windows of the clerk's area, loaded once for both tabs (an empty list leaves the field optional and empty). */
export function useClerkWindows(): PadWindow[] | undefined {
  const [windows, setWindows] = useState<PadWindow[]>();
  useEffect(() => {
    windowIdentity.windows().then(
      (r) => setWindows(r.items),
      () => setWindows([]),
    );
  }, []);
  return windows;
}

/** 受理窗口: optional on both checks; the server refuses a window outside the clerk's area (WINDOW_UNKNOWN). */
export function WindowField({ windows }: { windows: PadWindow[] | undefined }) {
  const { t } = useT();
  return (
    <Form.Item name="windowId" label={t('identityWindow.window')}>
      <Select
        allowClear
        loading={!windows}
        data-testid="identity-window-select"
        placeholder={t('identityWindow.windowPlaceholder')}
        notFoundContent={t('identityWindow.windowNone')}
        onChange={(v?: string) => saveWindow(v)}
        options={(windows ?? []).map((w) => ({ value: w.id, label: `${w.hallName} · ${w.number} ${w.name}` }))}
      />
    </Form.Item>
  );
}

/**
 * The search line of a tab: one 18-character code (USCC or ID number), checked for length here
 * and for its check character by the server. Its own form, so a failed search stays on it.
 */
export function LookupBar(props: {
  label: MessageKey;
  rule: MessageKey;
  testId: string;
  busy: boolean;
  onFind: (value: string) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ value: string }>();
  return (
    <Form form={form} layout="vertical" onFinish={(v) => props.onFind(v.value.trim().toUpperCase())} style={{ maxWidth: 440 }}>
      <Form.Item
        name="value"
        label={t(props.label)}
        rules={[{ required: true, len: 18, transform: (v: string) => v?.trim(), message: t(props.rule) }]}
      >
        <Input.Search
          maxLength={18}
          allowClear
          data-testid={props.testId}
          enterButton={
            <span data-testid={`${props.testId}-find`}>
              <SearchOutlined /> {t('identityWindow.find')}
            </span>
          }
          loading={props.busy}
          onSearch={() => form.submit()}
        />
      </Form.Item>
    </Form>
  );
}

/** A lookup's state: what was found for which code, the text of a failure, whether one is under way. */
export function useLookup<T>(fetch: (code: string) => Promise<T>) {
  const errorText = useErrorText();
  const [found, setFound] = useState<{ code: string; value: T }>();
  const [error, setError] = useState<string>();
  const [finding, setFinding] = useState(false);
  const find = useCallback(
    async (code: string) => {
      setFinding(true);
      setFound(undefined);
      setError(undefined);
      try {
        setFound({ code, value: await fetch(code) });
      } catch (err) {
        setError(errorText(err));
      } finally {
        setFinding(false);
      }
    },
    [fetch, errorText],
  );
  return { found, error, finding, find, setFound };
}

/**
 * A tab's body: what the check is for, the search line, then loading, the failure, what to type
 * when nothing was looked up, or `children` (the record found and its check).
 */
export function CheckPanel(props: {
  testId: string;
  intro: string;
  lookup: Omit<Parameters<typeof LookupBar>[0], 'busy' | 'onFind'>;
  state: Pick<ReturnType<typeof useLookup>, 'error' | 'finding' | 'find'>;
  empty: string;
  children?: ReactNode;
}) {
  const { error, finding, find } = props.state;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={props.testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {props.intro}
      </Typography.Paragraph>
      <LookupBar {...props.lookup} busy={finding} onFind={find} />
      {finding ? (
        <Spin />
      ) : error ? (
        <Alert type="warning" showIcon message={error} data-testid={`${props.lookup.testId}-error`} />
      ) : (
        (props.children ?? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={<Typography.Text type="secondary">{props.empty}</Typography.Text>}
          />
        ))
      )}
    </Space>
  );
}

/** The check's button and, above it, a failure that belongs to no field. */
export function CheckButton(props: { testId: string; label: string; busy: boolean; error?: string; onClick: () => void }) {
  return (
    <>
      {props.error && (
        <Alert type="error" showIcon message={props.error} style={{ marginBottom: 16 }} data-testid={`${props.testId}-error`} />
      )}
      <Button type="primary" loading={props.busy} onClick={props.onClick} data-testid={props.testId}>
        {props.label}
      </Button>
    </>
  );
}

/** A check that passed: what it proved and the way to the next person at the window. */
export function CheckDone(props: { testId: string; title: string; subTitle: string; onAgain: () => void; children: ReactNode }) {
  const { t } = useT();
  return (
    <Result
      status="success"
      data-testid={props.testId}
      title={props.title}
      subTitle={props.subTitle}
      extra={
        <Button type="primary" onClick={props.onAgain}>
          {t('identityWindow.again')}
        </Button>
      }
    >
      {props.children}
    </Result>
  );
}

/** The 18-character number typed from the card in hand. */
export function CardNumberField({ name = 'idNumber', extra }: { name?: string; extra?: ReactNode }) {
  const { t } = useT();
  return (
    <Form.Item
      name={name}
      label={t('identityWindow.idNumberCard')}
      extra={extra ?? t('identityWindow.idNumberCardHint')}
      rules={[{ required: true, len: 18, transform: (v: string) => v?.trim(), message: t('identityWindow.idNumberRule') }]}
    >
      <Input maxLength={18} autoComplete="off" data-testid="identity-window-card-number" />
    </Form.Item>
  );
}

/**
 * Runs a check: asks for confirmation in a dialog (the modal of App.useApp keeps the theme and
 * locale), then calls the server. A failure is said for the window: some server messages speak
 * to the applicant online ("不是您") or about a name, so `wording` gives those codes the window's
 * words; a code in `fields` shows under that field, any other failure in `error` for an alert.
 */
export function useCheck(form: FormInstance, wording: Record<string, MessageKey>, fields: Record<string, string>) {
  const { t } = useT();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirmed = useCallback(
    (title: string, content: string, okText: string) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title,
          content: <span data-testid="identity-window-confirm">{content}</span>,
          okText,
          cancelText: t('common.cancel'),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal, t],
  );
  const run = useCallback(
    async (dialog: { title: string; content: string; ok: string }, call: () => Promise<void>) => {
      if (!(await confirmed(dialog.title, dialog.content, dialog.ok))) return;
      setBusy(true);
      setError(undefined);
      try {
        await call();
      } catch (err) {
        const code = err instanceof ApiError ? err.code : undefined;
        const key = code ? wording[code] : undefined;
        const text = key ? t(key) : errorText(err);
        const field = code ? fields[code] : undefined;
        if (field) form.setFields([{ name: field, errors: [text] }]);
        else setError(text);
      } finally {
        setBusy(false);
      }
    },
    [confirmed, form, wording, fields, t, errorText],
  );
  return { busy, error, clearError: useCallback(() => setError(undefined), []), run };
}
