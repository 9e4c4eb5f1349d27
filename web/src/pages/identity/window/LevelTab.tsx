import { Alert, Descriptions, Form } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import { AssuranceBadge } from '../AssuranceBadge.tsx';
import { date } from '../../../app/city-time.ts';
import { windowIdentity, type PadWindow, type WindowPerson } from './api.ts';
import { CheckButton, CheckDone, CheckPanel, savedWindow, useCheck, useLookup, WindowField } from './shared.tsx';

const WORDING: Record<string, MessageKey> = {
  IDENTITY_MISMATCH: 'identityWindow.error.personMismatch',
  WINDOW_UNKNOWN: 'identityWindow.error.windowUnknown',
};
const FIELDS: Record<string, string> = { WINDOW_UNKNOWN: 'windowId' };

/**
 * 实名等级现场核验: the clerk types the number of the card in hand, sees the account it belongs
 * to (masked) and confirms the person is the card's holder (identity's in-person.ts). The number
 * was typed from the card for the lookup, so it is the proof the server compares again.
 */
export function LevelTab({ windows }: { windows: PadWindow[] | undefined }) {
  const { t } = useT();
  const [form] = Form.useForm<{ windowId?: string }>();
  const lookup = useLookup(windowIdentity.findPerson);
  const check = useCheck(form, WORDING, FIELDS);
  const [raised, setRaised] = useState<WindowPerson>();
  const found = lookup.found;

  const verify = async () => {
    if (!found) return;
    const v = await form.validateFields();
    await check.run(
      {
        title: t('identityWindow.level.confirmTitle'),
        content: t('identityWindow.level.confirmContent', { person: found.value.name }),
        ok: t('identityWindow.level.confirmOk'),
      },
      async () =>
        setRaised(
          await windowIdentity.provePerson(found.value.id, {
            idNumber: found.code,
            ...(v.windowId ? { windowId: v.windowId } : {}),
          }),
        ),
    );
  };

  if (raised) {
    const again = () => {
      lookup.setFound(undefined);
      setRaised(undefined);
    };
    return (
      <CheckDone
        testId="level-raised"
        title={t('identityWindow.level.done')}
        subTitle={`${raised.name}（${raised.idNumber}）`}
        onAgain={again}
      >
        <AssuranceBadge level={raised.assuranceLevel} />
      </CheckDone>
    );
  }

  return (
    <CheckPanel
      testId="level-tab"
      intro={t('identityWindow.level.intro')}
      lookup={{ label: 'identityWindow.idNumber', rule: 'identityWindow.idNumberRule', testId: 'level-id-number' }}
      state={lookup}
      empty={t('identityWindow.level.empty')}
    >
      {found && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} data-testid="level-found">
            <Descriptions.Item label={t('identityWindow.level.name')}>{found.value.name}</Descriptions.Item>
            <Descriptions.Item label={t('identityWindow.idNumber')}>{found.value.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('identityWindow.level.current')}>
              <AssuranceBadge level={found.value.assuranceLevel} />
            </Descriptions.Item>
            <Descriptions.Item label={t('identityWindow.level.registeredAt')}>{date(found.value.createdAt)}</Descriptions.Item>
          </Descriptions>
          {found.value.assuranceLevel === 3 ? (
            <Alert type="success" showIcon message={t('identityWindow.level.top')} data-testid="level-top" />
          ) : (
            <Form
              form={form}
              layout="vertical"
              style={{ maxWidth: 560 }}
              initialValues={{ windowId: savedWindow() }}
              onValuesChange={check.clearError}
            >
              <WindowField windows={windows} />
              <CheckButton
                testId="level-verify"
                label={t('identityWindow.level.verify')}
                busy={check.busy}
                error={check.error}
                onClick={verify}
              />
            </Form>
          )}
        </>
      )}
    </CheckPanel>
  );
}
