import { Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { identity, type ClientScope, type ClientSecret, type GrantType, type NewClient } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { useFormErrors } from './serverErrors.ts';

const GRANTS: GrantType[] = ['authorization_code', 'refresh_token', 'client_credentials'];
const SCOPES: ClientScope[] = ['openid', 'profile', 'yiwang', 'offline_access'];

interface Values {
  clientId: string;
  name: string;
  redirectUris?: string;
  postLogoutRedirectUris?: string;
  grantTypes: GrantType[];
  scopes: ClientScope[];
  minAssuranceLevel: 1 | 2 | 3;
  logoUri?: string;
}

const lines = (text?: string) => (text ?? '').split(/\s+/).map((s) => s.trim()).filter(Boolean);

/** 登记系统: a department system's OIDC registration; the secret comes back once. */
export function ClientFormDrawer({ onClose, onCreated }: { onClose(): void; onCreated(secret: ClientSecret): void }) {
  const { t, tx } = useT();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors();
  const [saving, setSaving] = useState(false);
  const grants = Form.useWatch('grantTypes', form) ?? [];
  const interactive = grants.includes('authorization_code');

  const submit = async (v: Values) => {
    setSaving(true);
    const body: NewClient = {
      clientId: v.clientId.trim(),
      name: v.name.trim(),
      redirectUris: interactive ? lines(v.redirectUris) : [],
      grantTypes: v.grantTypes,
      scopes: v.scopes,
      minAssuranceLevel: v.minAssuranceLevel,
      ...(interactive && lines(v.postLogoutRedirectUris).length ? { postLogoutRedirectUris: lines(v.postLogoutRedirectUris) } : {}),
      ...(v.logoUri?.trim() ? { logoUri: v.logoUri.trim() } : {}),
    };
    try {
      onCreated(await identity.createClient(body));
    } catch (err) {
      showFormError(form, err, ['clientId', 'name', 'redirectUris', 'postLogoutRedirectUris', 'grantTypes', 'scopes', 'minAssuranceLevel', 'logoUri'], { CLIENT_EXISTS: 'clientId' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={t('identity.clients.register')}
      onClose={onClose}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="client-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ grantTypes: ['authorization_code', 'refresh_token'], scopes: ['openid', 'profile'], minAssuranceLevel: 1 }}
        data-testid="client-form"
      >
        <Form.Item name="clientId" label={t('identity.clients.clientId')} extra={t('identity.clients.clientIdHint')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{2,62}$/, message: t('identity.clients.clientIdHint') }]}>
          <Input maxLength={63} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('identity.clients.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('identity.required', { field: t('identity.clients.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="grantTypes" label={t('identity.clients.grantTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('identity.required', { field: t('identity.clients.grantTypes') }) }]}>
          <Checkbox.Group options={GRANTS.map((g) => ({ value: g, label: tx(`identity.clients.grants.${g}`, g) }))} />
        </Form.Item>
        {interactive ? (
          <>
            <Form.Item name="redirectUris" label={t('identity.clients.redirectUris')} extra={t('identity.clients.redirectUrisHint')} rules={[{ required: true, whitespace: true, message: t('identity.clients.redirectRequired') }]}>
              <Input.TextArea rows={3} placeholder="https://example.gov.cn/oidc/callback" />
            </Form.Item>
            <Form.Item name="postLogoutRedirectUris" label={t('identity.clients.postLogoutRedirectUris')}>
              <Input.TextArea rows={2} placeholder="https://example.gov.cn/" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="scopes" label={t('identity.clients.scopes')}>
          <Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="minAssuranceLevel" label={t('identity.clients.minLevel')}>
          <Select options={([1, 2, 3] as const).map((l) => ({ value: l, label: t(`identity.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="logoUri" label={t('identity.clients.logoUri')}>
          <Input maxLength={500} placeholder="https://example.gov.cn/logo.png" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
