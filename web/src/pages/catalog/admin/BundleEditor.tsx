import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useSession } from '../../../auth/useSession.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type BundleDetail, type BundleMemberInput } from './api.ts';

interface Draft {
  code: string;
  name: string;
  audience: 'person' | 'entity';
  guide: string;
  promisedLimit?: number;
  visits?: number;
  members: BundleMemberInput[];
}

const empty: Draft = {
  code: '',
  name: '',
  audience: 'person',
  guide: '',
  members: [
    { itemCode: '', step: 1 },
    { itemCode: '', step: 2 },
  ],
};

/** Creates or edits a bundle: members by item code (or nested bundle code) and step; same step = in parallel. */
export function BundleEditor({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing?: BundleDetail;
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const { user } = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    if (!editing) return setDraft(empty);
    const b = editing.bundle;
    setDraft({
      code: b.code,
      name: b.name,
      audience: b.audience,
      guide: b.content.guide,
      promisedLimit: b.content.promisedLimit,
      visits: b.content.visits,
      members: editing.steps.flatMap((s) =>
        s.members.map((m) => ({
          ...(m.kind === 'item' ? { itemCode: m.code } : { bundleCode: m.code }),
          step: s.step,
          optional: m.optional,
          ...(m.condition ? { condition: m.condition } : {}),
        })),
      ),
    });
  }, [open, editing]);

  const setMember = (i: number, patch: Partial<BundleMemberInput>) =>
    setDraft({ ...draft, members: draft.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const save = async () => {
    setBusy(true);
    const content = {
      guide: draft.guide,
      ...(draft.promisedLimit !== undefined ? { promisedLimit: draft.promisedLimit } : {}),
      ...(draft.visits !== undefined ? { visits: draft.visits } : {}),
    };
    const members = draft.members.map((m) => {
      const code = (m.itemCode ?? m.bundleCode ?? '').trim();
      // Item codes start with the digits of the basic code; bundle codes with a letter (YJS-…).
      const ref = /^[A-Z]/.test(code) ? { bundleCode: code } : { itemCode: code };
      return {
        ...ref,
        step: m.step,
        ...(m.optional ? { optional: true } : {}),
        ...(m.condition ? { condition: m.condition } : {}),
      };
    });
    try {
      const saved = editing
        ? await catalogAdmin.updateBundle(editing.bundle.code, {
            name: draft.name,
            audience: draft.audience,
            content,
            members,
            version: editing.bundle.version,
          })
        : await catalogAdmin.createBundle({
            code: draft.code,
            name: draft.name,
            regionCode: user?.regionCode,
            audience: draft.audience,
            content,
            members,
          });
      message.success(t('catalog.admin.saved'));
      onSaved(saved.bundle.code);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={editing ? editing.bundle.name : t('catalog.admin.newBundle')}
      extra={
        <Button type="primary" loading={busy} onClick={save} data-testid="bundle-save">
          {t('catalog.admin.save')}
        </Button>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('catalog.admin.bundleCode')} required extra="YJS-445300-101">
          <Input
            value={draft.code}
            disabled={!!editing}
            onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })}
          />
        </Form.Item>
        <Form.Item label={t('catalog.admin.name')} required>
          <Input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('catalog.admin.audience')}>
          <Radio.Group
            value={draft.audience}
            onChange={(e) => setDraft({ ...draft, audience: e.target.value as Draft['audience'] })}
          >
            <Radio value="person">{t('catalog.admin.audiences.person')}</Radio>
            <Radio value="entity">{t('catalog.admin.audiences.entity')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Space>
          <Form.Item label={t('catalog.admin.promisedDays')}>
            <InputNumber
              min={0}
              max={3650}
              value={draft.promisedLimit}
              onChange={(v) => setDraft({ ...draft, promisedLimit: v ?? undefined })}
            />
          </Form.Item>
          <Form.Item label={t('catalog.visits')}>
            <InputNumber min={0} max={10} value={draft.visits} onChange={(v) => setDraft({ ...draft, visits: v ?? undefined })} />
          </Form.Item>
        </Space>
        <Form.Item label={t('catalog.admin.guide')}>
          <Input.TextArea rows={4} value={draft.guide} onChange={(e) => setDraft({ ...draft, guide: e.target.value })} />
        </Form.Item>
        <Form.Item label={t('catalog.admin.members')} extra={t('catalog.admin.membersHint')}>
          {draft.members.map((m, i) => (
            <Space key={i} style={{ display: 'flex', marginBottom: 8 }} wrap>
              <InputNumber
                min={1}
                max={50}
                value={m.step}
                onChange={(v) => setMember(i, { step: v ?? 1 })}
                addonBefore={t('catalog.admin.step')}
                style={{ width: 120 }}
              />
              <Input
                value={m.itemCode ?? m.bundleCode}
                onChange={(e) => setMember(i, { itemCode: e.target.value, bundleCode: undefined })}
                placeholder={t('catalog.admin.memberCode')}
                style={{ width: 300 }}
              />
              <Checkbox checked={!!m.optional} onChange={(e) => setMember(i, { optional: e.target.checked })}>
                {t('catalog.admin.optionalMember')}
              </Checkbox>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('catalog.admin.remove')}
                onClick={() => setDraft({ ...draft, members: draft.members.filter((_, j) => j !== i) })}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setDraft({ ...draft, members: [...draft.members, { itemCode: '', step: (draft.members.at(-1)?.step ?? 0) + 1 }] })
            }
          >
            {t('catalog.admin.addMember')}
          </Button>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
