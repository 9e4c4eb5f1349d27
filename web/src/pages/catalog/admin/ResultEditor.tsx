import { Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client.ts';
import { useRemote } from '../../../components/useRemote.ts';
import { useT } from '../../../i18n/useT.ts';
import type { ItemContent } from './api.ts';

const RESULT_TYPES = ['certificate', 'document', 'approval', 'other'] as const;
/** 操作类型 of the licence a completed case produces (STANDARDS.md §1.3): 新发, 延续, 变更. */
const OPERATIONS = ['01', '02', '09'] as const;
/**
 * Who holds the licence: the applicant, a person the form names (外国人工作许可证: the worker the
 * employer applies for), or (设立登记) the market subject the decision registers.
 */
const HOLDERS = ['applicant', 'named_person', 'enterprise', 'individual_business', 'cooperative'] as const;
/** 证件类型 of a person the form names. */
const CODE_TYPES = ['id_card', 'passport'] as const;
/** The form fields a registration reads, besides the name (which it needs). */
const REGISTRATION_FIELDS = ['addressField', 'legalRepField', 'typeField'] as const;

/** The content's 办理结果 (the schema's type). */
export type ItemResult = NonNullable<ItemContent['result']>;

/** 办理结果: its type and name, the e-licence a completed case produces and whether it is new, a renewal or a change. */
export function ResultEditor({
  value,
  onChange,
  disabled,
  formFields,
}: {
  value: ItemResult | undefined;
  onChange: (v: ItemResult) => void;
  disabled: boolean;
  /** The item's form fields (key and title), for a registration to name its subject from. */
  formFields: { key: string; title: string }[];
}) {
  const { t } = useT();
  const licenceTypes = useRemote(
    useCallback(() => api.get<{ items: { code: string; name: string }[] }>('/api/catalog/license-types'), []),
  );
  const result: ItemResult = value ?? { type: 'other' };
  const set = (patch: Partial<ItemResult>) => {
    const next: ItemResult = { ...result, ...patch };
    // without a licence type there is nothing to renew or change, or to register
    if (!next.licenseTypeCode) {
      delete next.licenseOperation;
      delete next.registers;
      delete next.holder;
    }
    if (next.registers) delete next.licenseOperation;
    onChange(next);
  };
  const registers = result.registers;
  const named = result.holder;
  const chooseHolder = (h: (typeof HOLDERS)[number]) => {
    if (h === 'applicant') set({ registers: undefined, holder: undefined });
    else if (h === 'named_person') set({ registers: undefined, holder: { nameField: named?.nameField ?? '', codeField: named?.codeField ?? '', codeType: named?.codeType ?? 'passport' } });
    else set({ holder: undefined, registers: { ...registers, subject: h, nameField: registers?.nameField ?? '' } });
  };
  const fieldOptions = formFields.map((f) => ({ value: f.key, label: `${f.title}（${f.key}）` }));
  return (
    <Form layout="vertical" disabled={disabled} component="div" data-testid="result-editor">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('catalogResult.type')} required>
            <Select
              value={result.type}
              onChange={(type: ItemResult['type']) => set({ type })}
              options={RESULT_TYPES.map((x) => ({ value: x, label: t(`catalogResult.types.${x}`) }))}
              data-testid="result-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('catalogResult.name')}>
            <Input value={result.name ?? ''} onChange={(e) => set({ name: e.target.value || undefined })} data-testid="result-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogResult.licenseType')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('catalogResult.licenseTypeNone')}
              value={result.licenseTypeCode}
              loading={licenceTypes.loading}
              onChange={(code: string | undefined) => set({ licenseTypeCode: code || undefined })}
              options={(licenceTypes.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.name}（${x.code}）` }))}
              data-testid="result-licence-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogResult.operation')} extra={t('catalogResult.operationHint')}>
            <Select
              value={result.licenseOperation ?? '01'}
              disabled={disabled || !result.licenseTypeCode || !!registers}
              onChange={(op: ItemResult['licenseOperation']) => set({ licenseOperation: op === '01' ? undefined : op })}
              options={OPERATIONS.map((x) => ({ value: x, label: t(`catalogResult.operations.${x}`) }))}
              data-testid="result-licence-operation"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('catalogResult.holder')} extra={t('catalogResult.holderHint')}>
            <Select
              value={registers?.subject ?? (named ? 'named_person' : 'applicant')}
              disabled={disabled || !result.licenseTypeCode}
              onChange={chooseHolder}
              options={HOLDERS.map((x) => ({ value: x, label: t(`catalogResult.holders.${x}`) }))}
              data-testid="result-holder"
            />
          </Form.Item>
        </Col>
        {registers && (
          <Col xs={24} md={12}>
            <Form.Item label={t('catalogResult.nameField')} required>
              <Select
                value={registers.nameField || undefined}
                onChange={(nameField: string) => set({ registers: { ...registers, nameField } })}
                options={fieldOptions}
                data-testid="result-registers-nameField"
              />
            </Form.Item>
          </Col>
        )}
        {named && (
          <>
            <Col xs={24} md={12}>
              <Form.Item label={t('catalogResult.codeType')} required>
                <Select
                  value={named.codeType}
                  onChange={(codeType: (typeof CODE_TYPES)[number]) => set({ holder: { ...named, codeType } })}
                  options={CODE_TYPES.map((x) => ({ value: x, label: t(`catalogResult.codeTypes.${x}`) }))}
                  data-testid="result-holder-codeType"
                />
              </Form.Item>
            </Col>
            {(['nameField', 'codeField'] as const).map((key) => (
              <Col xs={24} md={12} key={key}>
                <Form.Item label={t(`catalogResult.holder${key === 'nameField' ? 'Name' : 'Code'}Field`)} required>
                  <Select
                    value={named[key] || undefined}
                    onChange={(field: string) => set({ holder: { ...named, [key]: field } })}
                    options={fieldOptions}
                    data-testid={`result-holder-${key}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </>
        )}
        {registers &&
          REGISTRATION_FIELDS.map((key) => (
            <Col xs={24} md={8} key={key}>
              <Form.Item label={t(`catalogResult.${key}`)}>
                <Select
                  allowClear
                  value={registers[key]}
                  onChange={(field: string | undefined) => {
                    const next = { ...registers, [key]: field };
                    if (!field) delete next[key];
                    set({ registers: next });
                  }}
                  options={fieldOptions}
                  data-testid={`result-registers-${key}`}
                />
              </Form.Item>
            </Col>
          ))}
      </Row>
    </Form>
  );
}
