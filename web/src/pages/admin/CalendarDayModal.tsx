import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { putCalendarDay } from '../../api/calendar.ts';
import type { CalendarDay } from '../../api/types.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

interface Props {
  open: boolean;
  /** The day being changed; null = add a new one. */
  day: CalendarDay | null;
  year: number;
  onClose(): void;
  onSaved(): void;
}

interface Values {
  date: Dayjs;
  kind: CalendarDay['kind'];
  name: string;
}

/** Add or change one special day of the working calendar. */
export function CalendarDayModal({ open, day, year, onClose, onSaved }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function save() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await putCalendarDay(values.date.format('YYYY-MM-DD'), { kind: values.kind, name: values.name.trim() });
      message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={day ? t('calendar.editDay', { day: day.day }) : t('calendar.addDay')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        key={day?.day ?? 'new'}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          day
            ? { date: dayjs(day.day), kind: day.kind, name: day.name }
            : { date: dayjs(`${year}-01-01`), kind: 'holiday', name: '' }
        }
      >
        <Form.Item name="date" label={t('calendar.day')} rules={[{ required: true }]}>
          <DatePicker disabled={!!day} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
