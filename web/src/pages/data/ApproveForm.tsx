import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { loadChildren } from '../../api/regionCache.ts';
import type { Region } from '../../api/types.ts';
import { useCity } from '../../app/useCity.ts';
import { useT } from '../../i18n/useT.ts';
import type { Demand, DemandApprove } from './demandApi.ts';
import { cityToday } from './demandTags.tsx';
import { useFieldNames, useResource } from './resourceCache.ts';

export interface ApproveValues {
  fields: string[];
  rows: 'all' | 'region';
  rowRegion?: string;
  validTo: Dayjs;
  dailyQuota: number;
  /** Personal fields given in clear (明文); the other personal ones are masked. */
  clearFields: string[];
  bulk: boolean;
  note?: string;
}
export const APPROVE_INPUTS = ['fields', 'rowRegion', 'validTo', 'dailyQuota', 'clearFields', 'bulk', 'note'];
/** What an approval asks for when the keeper changes nothing. */
const DEFAULT_QUOTA = 1000;

/** The body of an approval from the form's values. */
export function approvalOf(demand: Demand, v: ApproveValues): DemandApprove {
  return {
    version: demand.version,
    fields: demand.fields.filter((k) => v.fields.includes(k)),
    ...(v.rows === 'region' && v.rowRegion ? { rowRegion: v.rowRegion } : {}),
    validTo: v.validTo.format('YYYY-MM-DD'),
    dailyQuota: v.dailyQuota,
    // a field taken off the approved ones is not given in clear either
    clearFields: demand.fields.filter((k) => v.fields.includes(k) && (v.clearFields ?? []).includes(k)),
    bulk: !!v.bulk,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/** The city's counties, for a grant limited to one county's rows. */
function useCounties(): Region[] {
  const city = useCity();
  const { lang } = useT();
  const [counties, setCounties] = useState<Region[]>([]);
  useEffect(() => {
    if (!city.code) return;
    let live = true;
    loadChildren(city.code)
      .then((list) => live && setCounties(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [city.code, lang]);
  return counties;
}

interface Props {
  demand: Demand;
  form: ReturnType<typeof Form.useForm<ApproveValues>>[0];
  busy: boolean;
  onApprove(): void;
}

/** The personal ones among the approved fields: those a grant may give in clear (明文); the others are always plain. */
function usePersonalFields(demand: Demand, approved: string[] | undefined): string[] {
  const resource = useResource(demand.resourceId);
  const personal = new Set(resource?.fields.filter((f) => f.personal).map((f) => f.key));
  return demand.fields.filter((k) => personal.has(k) && (approved ?? demand.fields).includes(k));
}

/** 同意: the grant's scope — fields among those asked (the personal ones masked unless given in clear), all rows or one county's, until when, calls a day, bulk exchange. */
export function ApproveForm({ demand, form, busy, onApprove }: Props) {
  const { t } = useT();
  const name = useFieldNames(demand.resourceId);
  const counties = useCounties();
  const rows = Form.useWatch('rows', form);
  const personal = usePersonalFields(demand, Form.useWatch('fields', form));
  const today = cityToday();
  // the server allows three years less a few days (a year less a day, three times)
  const last = useMemo(() => dayjs(today).add(3, 'year').subtract(3, 'day'), [today]);
  const initial = useMemo<Partial<ApproveValues>>(
    () => ({ fields: demand.fields, rows: 'all', validTo: dayjs(today).add(1, 'year').subtract(1, 'day'), dailyQuota: DEFAULT_QUOTA, clearFields: [], bulk: false }),
    [demand.fields, today],
  );

  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark={false} data-testid="approve-form">
      <Form.Item name="fields" label={t('data.answer.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('data.answer.fieldsRequired') }]}>
        <Checkbox.Group options={demand.fields.map((k) => ({ value: k, label: name(k) }))} />
      </Form.Item>
      <Form.Item label={t('data.answer.clearFields')} extra={personal.length ? t('data.answer.clearFieldsHint') : undefined}>
        <div data-testid="approve-clear-fields">
          {personal.length ? (
            <Form.Item name="clearFields" noStyle>
              <Checkbox.Group options={personal.map((k) => ({ value: k, label: name(k) }))} />
            </Form.Item>
          ) : (
            <Typography.Text type="secondary">{t('data.answer.noPersonalFields')}</Typography.Text>
          )}
        </div>
      </Form.Item>
      <Form.Item label={t('data.answer.rows')} required>
        <Space wrap>
          <Form.Item name="rows" noStyle>
            <Radio.Group
              options={[
                { value: 'all', label: t('data.answer.allRows') },
                { value: 'region', label: t('data.answer.regionRows') },
              ]}
            />
          </Form.Item>
          {rows === 'region' ? (
            <Form.Item name="rowRegion" noStyle rules={[{ required: true, pattern: /^\d{12}$/, message: t('data.answer.regionRequired') }]}>
              <Select
                style={{ width: 200 }}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('data.answer.regionPlaceholder')}
                options={counties.map((c) => ({ value: c.code, label: c.name }))}
                aria-label={t('data.answer.regionPlaceholder')}
              />
            </Form.Item>
          ) : null}
        </Space>
      </Form.Item>
      <Space wrap size={[16, 0]} align="start">
        <Form.Item name="validTo" label={t('data.answer.validTo')} rules={[{ required: true, message: t('data.answer.validToRequired') }]}>
          <DatePicker
            allowClear={false}
            disabledDate={(d) => d.isBefore(dayjs(today), 'day') || d.isAfter(last, 'day')}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="dailyQuota" label={t('data.answer.dailyQuota')} rules={[{ required: true, message: t('data.answer.dailyQuotaRequired') }]}>
          <InputNumber min={1} max={1_000_000} precision={0} step={100} style={{ width: 180 }} suffix={t('data.answer.callsUnit')} />
        </Form.Item>
      </Space>
      <Form.Item name="bulk" label={t('data.answer.bulk')} extra={t('data.answer.bulkHint')} valuePropName="checked">
        <Switch data-testid="approve-bulk" />
      </Form.Item>
      <Form.Item name="note" label={t('data.answer.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={onApprove} data-testid="approve-submit">
        {t('data.answer.approve')}
      </Button>
    </Form>
  );
}
