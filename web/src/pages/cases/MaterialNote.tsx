import { Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { CaseDetail } from './api.ts';

type Status = CaseDetail['materialStatus'][number];

/**
 * Under a material without a file: where the platform got it (the base library, or the e-licence
 * in the wallet, named), or — when a library or an e-licence would replace it but holds nothing of
 * the applicant — what to do; otherwise the item's requirement.
 */
export function MaterialNote({ status, requirement }: { status: Status | undefined; requirement: string | undefined }) {
  const { t } = useT();
  const f = status?.fetched;
  if (f?.via === 'data')
    return <Typography.Text type="success">{f.dataSource ? t('caseTimeline.fetchedDataFrom', { source: f.dataSource }) : t('caseTimeline.fetchedData')}</Typography.Text>;
  if (status?.dataMissing)
    return (
      <>
        <Typography.Text type="warning" data-testid={`data-missing-${status.key}`}>
          {t('caseTimeline.dataMissing', { provider: status.dataMissing.providerName, resource: status.dataMissing.resourceName })}
        </Typography.Text>
        {requirement && <div>{requirement}</div>}
      </>
    );
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
