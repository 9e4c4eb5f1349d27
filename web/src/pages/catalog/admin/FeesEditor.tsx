import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Space, Switch, Table } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { FeeItem, ItemContent } from './api.ts';

type Fees = NonNullable<ItemContent['fees']>;

/** What the server applies when the item names no payment period (src/modules/cases/payment-step.ts). */
const DEFAULT_PAY_WITHIN_DAYS = 10;

/** 收费: amounts are entered in yuan and stored in fen. */
export function FeesEditor({ value, onChange, disabled }: { value: Fees; onChange: (v: Fees) => void; disabled: boolean }) {
  const { t } = useT();
  const items = value.items ?? [];
  const setItem = (i: number, patch: Partial<FeeItem>) =>
    onChange({ ...value, items: items.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <div data-testid="fees-editor">
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{t('catalog.admin.charged')}</span>
        <Switch
          checked={value.charged}
          disabled={disabled}
          onChange={(charged) => onChange(charged ? { ...value, charged } : { charged: false })}
          data-testid="fees-charged"
        />
        {value.charged ? (
          <>
            <span>{t('catalog.admin.onlinePayment')}</span>
            <Switch
              checked={!!value.onlinePayment}
              disabled={disabled}
              onChange={(onlinePayment) => onChange({ ...value, onlinePayment })}
            />
            <span>{t('catalog.admin.payWithinDays')}</span>
            <InputNumber
              min={1}
              max={60}
              precision={0}
              placeholder={String(DEFAULT_PAY_WITHIN_DAYS)}
              value={value.payWithinDays}
              disabled={disabled}
              onChange={(x) => onChange({ ...value, payWithinDays: x === null ? undefined : Number(x) })}
              addonAfter={t('catalog.admin.payWithinUnit')}
              style={{ width: 160 }}
              data-testid="fees-pay-within"
            />
          </>
        ) : null}
      </Space>
      {value.charged ? (
        <>
          <Table<FeeItem & { i: number }>
            size="small"
            rowKey="i"
            pagination={false}
            dataSource={items.map((f, i) => ({ ...f, i }))}
            columns={[
              {
                title: t('catalog.admin.feeName'),
                dataIndex: 'name',
                render: (v: string, r) => (
                  <Input value={v} disabled={disabled} onChange={(e) => setItem(r.i, { name: e.target.value })} />
                ),
              },
              {
                title: t('catalog.admin.amountYuan'),
                dataIndex: 'amountFen',
                width: 120,
                render: (v: number | undefined, r) => (
                  <InputNumber
                    min={0}
                    step={0.01}
                    value={v === undefined ? undefined : v / 100}
                    disabled={disabled}
                    onChange={(x) => setItem(r.i, { amountFen: x === null ? undefined : Math.round(Number(x) * 100) })}
                  />
                ),
              },
              {
                title: t('catalog.admin.feeStandard'),
                dataIndex: 'standard',
                render: (v: string, r) => (
                  <Input value={v} disabled={disabled} onChange={(e) => setItem(r.i, { standard: e.target.value })} />
                ),
              },
              {
                title: t('catalog.admin.feeBasis'),
                dataIndex: 'basis',
                render: (v: string, r) => (
                  <Input value={v} disabled={disabled} onChange={(e) => setItem(r.i, { basis: e.target.value })} />
                ),
              },
              {
                width: 48,
                render: (_: unknown, r) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={disabled}
                    aria-label={t('catalog.admin.remove')}
                    onClick={() => onChange({ ...value, items: items.filter((_, j) => j !== r.i) })}
                  />
                ),
              },
            ]}
          />
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            style={{ marginTop: 8 }}
            onClick={() => onChange({ ...value, items: [...items, { name: '' }] })}
          >
            {t('catalog.admin.addFee')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
