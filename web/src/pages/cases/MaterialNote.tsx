import { Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { CaseDetail } from './api.ts';

type Status = CaseDetail['materialStatus'][number];

/**
 * Under a material without a file: where the platform got it (shared data, or the e-licence in
 * the wallet, named), or — when an e-licence would replace it but the wallet has none — what to
 * do; otherwise the item's requirement.
 */
export function MaterialNote({ status, requirement }: { status: Status | undefined; requirement: string | undefined }) {
  const { t } = useT();
  const f = status?.fetched;
  if (f?.via === 'data') return <Typography.Text type="success">{t('caseTimeline.fetchedData')}</Typography.Text>;
  if (f?.via === 'licence')
    return <Typography.Text type="success">{t('caseTimeline.fetchedLicence', { licence: f.licenceTypeName ?? '', identifier: f.licenceIdentifier ?? '' })}</Typography.Text>;
  if (status?.licenceMissing)
    return (
      <>
        <Typography.Text type="warning" data-testid={`licence-missing-${status.key}`}>{t('caseTimeline.licenceMissing', { licence: status.licenceMissing.typeName })}</Typography.Text>
        {requirement && <div>{requirement}</div>}
      </>
    );
  return <>{requirement}</>;
}
