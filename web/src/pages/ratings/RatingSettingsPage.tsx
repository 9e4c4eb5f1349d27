import { App, Button, Card, Checkbox, Form, InputNumber, Radio, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import type { RatingSettings as Settings, Stage } from './api.ts';

/** /admin/ratings — the local 好差评 rules: default period, rectification deadline, 一事多评. */
export default function RatingSettingsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [settings, setSettings] = useState<Settings>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.get<Settings>('/api/ratings/settings').then(setSettings, showError);
  }, [showError]);
  if (!settings) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Card variant="borderless" data-testid="rating-settings">
      <PageTitle>{t('ratings.settings.title')}</PageTitle>
      <Form<Settings>
        layout="vertical"
        initialValues={settings}
        style={{ maxWidth: 520 }}
        onFinish={async (values) => {
          setBusy(true);
          try {
            setSettings(await api.put<Settings>('/api/ratings/settings', { ...values, stages: [...new Set<Stage>([...values.stages, 'completed'])] }));
            message.success(t('ratings.tasks.saved'));
          } catch (err) {
            showError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="defaultAfterDays" label={t('ratings.settings.defaultAfterDays')} extra={t('ratings.settings.defaultAfterDaysHelp')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Form.Item name="rectifyWorkingDays" label={t('ratings.settings.rectifyWorkingDays')}>
          <Radio.Group options={[5, 15].map((n) => ({ value: n, label: t('ratings.tasks.workingDays', { n }) }))} />
        </Form.Item>
        <Form.Item name="stages" label={t('ratings.settings.stages')} extra={t('ratings.settings.stagesHelp')}>
          <Checkbox.Group
            options={(['submitted', 'accepted', 'completed'] as const).map((s) => ({ value: s, label: t(`ratings.stage.${s}`), disabled: s === 'completed' }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('ratings.settings.save')}</Button>
      </Form>
    </Card>
  );
}
