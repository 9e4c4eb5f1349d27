import { Alert, Checkbox, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import { AssuranceBadge } from '../AssuranceBadge.tsx';
import { dateTimeMinutes } from '../../../app/city-time.ts';
import { windowIdentity, type LegalRepAtWindow, type PadWindow } from './api.ts';
import { CardNumberField, CheckButton, CheckDone, CheckPanel, savedWindow, useCheck, useLookup, WindowField } from './shared.tsx';

type Values = { idNumber: string; windowId?: string; note?: string; replaceClaimant?: boolean };

const WORDING: Record<string, MessageKey> = {
  IDENTITY_MISMATCH: 'identityWindow.error.legalRepMismatch',
  LEGAL_REP_MISMATCH: 'identityWindow.error.registryOther',
  ENTERPRISE_NOT_ACTIVE: 'identityWindow.error.inactive',
  PERSON_NOT_FOUND: 'identityWindow.error.personUnknown',
  WINDOW_UNKNOWN: 'identityWindow.error.windowUnknown',
};
const FIELDS: Record<string, string> = {
  IDENTITY_MISMATCH: 'idNumber',
  PERSON_NOT_FOUND: 'idNumber',
  ID_NUMBER_INVALID: 'idNumber',
  WINDOW_UNKNOWN: 'windowId',
};

/**
 * 法定代表人核验: the clerk finds the enterprise by its USCC, sees who claimed to represent it
 * (masked) and, after checking the business licence and the ID card, proves the claim
 * (identity's legal-rep-window.ts; the server checks the region and the registry again).
 */
export function LegalRepTab({ windows }: { windows: PadWindow[] | undefined }) {
  const { t } = useT();
  const [form] = Form.useForm<Values>();
  const lookup = useLookup(windowIdentity.findLegalRep);
  const check = useCheck(form, WORDING, FIELDS);
  const [proven, setProven] = useState<LegalRepAtWindow>();
  const replace = Form.useWatch('replaceClaimant', form);
  const claim = lookup.found?.value;

  const again = () => {
    lookup.setFound(undefined);
    setProven(undefined);
    check.clearError();
    form.resetFields();
  };
  const find = (uscc: string) => {
    again();
    return lookup.find(uscc);
  };

  const verify = async () => {
    if (!claim) return;
    const v = await form.validateFields();
    const names = { person: claim.legalRep.name, enterprise: claim.name };
    const content = t(
      v.replaceClaimant ? 'identityWindow.legalRep.confirmReplace' : 'identityWindow.legalRep.confirmContent',
      names,
    );
    await check.run(
      { title: t('identityWindow.legalRep.confirmTitle'), content, ok: t('identityWindow.legalRep.confirmOk') },
      async () =>
        setProven(
          await windowIdentity.proveLegalRep(claim.enterpriseId, {
            idNumber: v.idNumber.trim().toUpperCase(),
            ...(v.windowId ? { windowId: v.windowId } : {}),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            ...(v.replaceClaimant ? { replaceClaimant: true } : {}),
          }),
        ),
    );
  };

  if (proven) {
    return (
      <CheckDone
        testId="legal-rep-proven"
        title={t('identityWindow.legalRep.done')}
        subTitle={t('identityWindow.legalRep.doneDetail', { person: proven.legalRep.name, enterprise: proven.name })}
        onAgain={again}
      >
        <ClaimFacts claim={proven} />
      </CheckDone>
    );
  }

  return (
    <CheckPanel
      testId="legal-rep-tab"
      intro={t('identityWindow.legalRep.intro')}
      lookup={{ label: 'identityWindow.legalRep.uscc', rule: 'identityWindow.legalRep.usccRule', testId: 'legal-rep-uscc' }}
      state={{ ...lookup, find }}
      empty={t('identityWindow.legalRep.empty')}
    >
      {claim && (
        <>
          <ClaimFacts claim={claim} />
          {claim.status === 'proven' ? (
            <Alert type="success" showIcon message={t('identityWindow.legalRep.alreadyProven')} data-testid="legal-rep-already" />
          ) : (
            <>
              <Alert type="info" showIcon message={t('identityWindow.legalRep.pendingReason')} />
              <Form
                form={form}
                layout="vertical"
                style={{ maxWidth: 560 }}
                initialValues={{ windowId: savedWindow() }}
                data-testid="legal-rep-form"
                onValuesChange={check.clearError}
              >
                <CardNumberField />
                <WindowField windows={windows} />
                <Form.Item name="note" label={t('identityWindow.legalRep.note')}>
                  <Input.TextArea
                    maxLength={500}
                    showCount
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    placeholder={t('identityWindow.legalRep.notePlaceholder')}
                  />
                </Form.Item>
                <Form.Item
                  name="replaceClaimant"
                  valuePropName="checked"
                  extra={
                    replace ? (
                      <Typography.Text type="warning">{t('identityWindow.legalRep.replaceHint')}</Typography.Text>
                    ) : undefined
                  }
                >
                  <Checkbox data-testid="legal-rep-replace">{t('identityWindow.legalRep.replace')}</Checkbox>
                </Form.Item>
                <CheckButton
                  testId="legal-rep-verify"
                  label={t('identityWindow.legalRep.verify')}
                  busy={check.busy}
                  error={check.error}
                  onClick={verify}
                />
              </Form>
            </>
          )}
        </>
      )}
    </CheckPanel>
  );
}

/** What the lookup shows: the enterprise, the claimant (masked ID number) and the claim's state. */
function ClaimFacts({ claim }: { claim: LegalRepAtWindow }) {
  const { t } = useT();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      data-testid="legal-rep-found"
      style={{ textAlign: 'left' }}
    >
      <Descriptions.Item label={t('identityWindow.legalRep.enterprise')}>{claim.name}</Descriptions.Item>
      <Descriptions.Item label={t('identityWindow.legalRep.uscc')}>{claim.uscc}</Descriptions.Item>
      <Descriptions.Item label={t('identityWindow.legalRep.claimant')}>
        {claim.legalRep.name}（{claim.legalRep.idNumber}）
      </Descriptions.Item>
      <Descriptions.Item label={t('identityWindow.legalRep.claimantLevel')}>
        <AssuranceBadge level={claim.legalRep.assuranceLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('identityWindow.legalRep.status')}>
        <span data-testid="legal-rep-status" data-status={claim.status}>
          {claim.status === 'pending' ? (
            <Tag color="orange">{t('identityWindow.legalRep.pending')}</Tag>
          ) : (
            <Tag color="green">{t('identityWindow.legalRep.proven')}</Tag>
          )}
          {claim.proof && <Typography.Text type="secondary">{t(`identityWindow.legalRep.proof.${claim.proof}`)}</Typography.Text>}
        </span>
      </Descriptions.Item>
      {claim.provenAt && (
        <Descriptions.Item label={t('identityWindow.legalRep.provenAt')}>{dateTimeMinutes(claim.provenAt)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
