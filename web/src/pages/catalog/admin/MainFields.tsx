import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { Flags, ItemContent, Limit } from './api.ts';

const FLAGS = [
  'highFrequency',
  'noFill',
  'noSubmit',
  'noLicense',
  'noTrip',
  'crossProvince',
  'instantApproval',
  'generalWindow',
  'sso',
  'mobile',
  'commitment',
] as const;
const LEVELS: NonNullable<ItemContent['level']>[] = ['1', '2', '3', '4', '5', '6'];

/** Name, type, level, limits, visits, online depth and flags of the content being edited. */
export function MainFields({
  value,
  onChange,
  disabled,
  types,
}: {
  value: ItemContent;
  onChange: (v: ItemContent) => void;
  disabled: boolean;
  types: { code: string; name: string }[];
}) {
  const { t, tx } = useT();
  const set = (patch: Partial<ItemContent>) => onChange({ ...value, ...patch });
  const limit = (days: number | null): Limit => ({ immediate: (days ?? 0) === 0, days: days ?? 0 });
  const flags = value.flags ?? {};
  return (
    <Form layout="vertical" disabled={disabled} component="div">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.admin.name')} required>
            <Input value={value.name} onChange={(e) => set({ name: e.target.value })} data-testid="item-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.admin.aliases')}>
            <Select mode="tags" value={value.aliases ?? []} onChange={(aliases: string[]) => set({ aliases })} open={false} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.itemType')}>
            <Select
              value={value.typeCode}
              onChange={(typeCode: string) => set({ typeCode })}
              options={types.map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.admin.level')}>
            <Select
              value={value.level}
              onChange={(level: NonNullable<ItemContent['level']>) => set({ level })}
              options={LEVELS.map((l) => ({ value: l, label: tx(`catalog.admin.levels.${l}`, l) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.admin.caseType')}>
            <Select
              value={value.caseType}
              onChange={(caseType: ItemContent['caseType']) => set({ caseType })}
              options={['immediate', 'promised'].map((c) => ({ value: c, label: tx(`catalog.admin.caseTypes.${c}`, c) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.admin.onlineLevel')}>
            <Select
              value={value.onlineDepth?.level}
              onChange={(level: number) => set({ onlineDepth: { national: value.onlineDepth?.national ?? [], level } })}
              options={[0, 1, 2, 3, 4].map((l) => ({ value: l, label: tx(`catalog.admin.onlineLevels.${l}`, String(l)) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.admin.statutoryDays')}>
            <InputNumber
              min={0}
              max={3650}
              value={value.statutoryLimit?.days}
              onChange={(d) => set({ statutoryLimit: limit(d) })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('catalog.admin.promisedDays')}>
            <InputNumber
              min={0}
              max={3650}
              value={value.promisedLimit?.days}
              onChange={(d) => set({ promisedLimit: limit(d) })}
              style={{ width: '100%' }}
              data-testid="item-promised"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('catalog.visits')}>
            <InputNumber
              min={0}
              max={10}
              value={value.visits}
              onChange={(v) => set({ visits: v ?? 0 })}
              style={{ width: '100%' }}
              data-testid="item-visits"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('catalog.admin.visitReason')}>
            <Input value={value.visitReason} onChange={(e) => set({ visitReason: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('catalog.admin.flags')}>
            <Checkbox.Group
              value={FLAGS.filter((f) => flags[f])}
              onChange={(on) =>
                set({ flags: { ...flags, ...Object.fromEntries(FLAGS.map((f) => [f, (on as string[]).includes(f)])) } as Flags })
              }
              options={FLAGS.map((f) => ({ value: f, label: tx(`catalog.admin.flag.${f}`, f) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
