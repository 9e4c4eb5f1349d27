import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Table } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { Material } from './api.ts';

const NECESSITIES = ['required', 'optional', 'deferrable'] as const;
const KINDS = ['original', 'copy', 'original_and_copy'] as const;
const FORMS = ['paper', 'electronic', 'paper_or_electronic'] as const;
const SOURCES = ['applicant', 'government', 'intermediary', 'data_sharing'] as const;

/** 申请材料: one editable row per material; fields not shown here are kept as they were. */
export function MaterialsEditor({
  value,
  onChange,
  disabled,
}: {
  value: Material[];
  onChange: (v: Material[]) => void;
  disabled: boolean;
}) {
  const { t, tx } = useT();
  const set = (i: number, patch: Partial<Material>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const options = (prefix: string, list: readonly string[]) =>
    list.map((v) => ({ value: v, label: tx(`catalog.admin.${prefix}.${v}`, v) }));
  return (
    <>
      <Table<Material & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        scroll={{ x: 980 }}
        dataSource={value.map((m, i) => ({ ...m, i }))}
        data-testid="materials-editor"
        columns={[
          {
            title: t('catalog.materialName'),
            dataIndex: 'name',
            width: 240,
            render: (v: string, r) => (
              <Input value={v} disabled={disabled} onChange={(e) => set(r.i, { name: e.target.value })} />
            ),
          },
          {
            title: t('catalog.necessity'),
            dataIndex: 'necessity',
            width: 110,
            render: (v: string, r) => (
              <Select
                value={v}
                disabled={disabled}
                style={{ width: '100%' }}
                options={options('necessity', NECESSITIES)}
                onChange={(x) => set(r.i, { necessity: x as Material['necessity'] })}
              />
            ),
          },
          {
            title: t('catalog.admin.materialKind'),
            dataIndex: 'kind',
            width: 120,
            render: (v: string, r) => (
              <Select
                value={v}
                disabled={disabled}
                style={{ width: '100%' }}
                options={options('kind', KINDS)}
                onChange={(x) => set(r.i, { kind: x as Material['kind'] })}
              />
            ),
          },
          {
            title: t('catalog.admin.materialForm'),
            dataIndex: 'form',
            width: 130,
            render: (v: string, r) => (
              <Select
                value={v}
                disabled={disabled}
                style={{ width: '100%' }}
                options={options('form', FORMS)}
                onChange={(x) => set(r.i, { form: x as Material['form'] })}
              />
            ),
          },
          {
            title: t('catalog.admin.materialSource'),
            dataIndex: 'source',
            width: 140,
            render: (v: string, r) => (
              <Select
                value={v}
                disabled={disabled}
                style={{ width: '100%' }}
                options={options('source', SOURCES)}
                onChange={(x) => set(r.i, { source: x as Material['source'] })}
              />
            ),
          },
          {
            title: t('catalog.admin.copies'),
            dataIndex: 'count',
            width: 80,
            render: (v: number | undefined, r) => (
              <InputNumber
                min={0}
                max={100}
                value={v}
                disabled={disabled}
                onChange={(x) => set(r.i, { count: x ?? undefined })}
              />
            ),
          },
          {
            title: t('catalog.admin.replacedBy'),
            width: 170,
            render: (_: unknown, r) => (
              <Input value={r.replacedByLicenseType ?? r.replacedByBaseField ?? ''} disabled placeholder="—" />
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
                onClick={() => onChange(value.filter((_, j) => j !== r.i))}
              />
            ),
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        disabled={disabled}
        style={{ marginTop: 8 }}
        onClick={() =>
          onChange([
            ...value,
            {
              key: `m${Date.now().toString(36)}`,
              name: '',
              necessity: 'required',
              kind: 'original',
              form: 'paper_or_electronic',
              count: 1,
              source: 'applicant',
            },
          ])
        }
      >
        {t('catalog.admin.addMaterial')}
      </Button>
    </>
  );
}
