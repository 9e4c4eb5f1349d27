import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useT } from '../../i18n/useT.ts';
import type { Grant } from './demandApi.ts';
import { DemandFields } from './DemandFields.tsx';
import { BulkTag, GrantStateTag } from './demandTags.tsx';

/** What a grant allows: the fields (which in clear), the rows, the period, the calls a day and bulk exchange. */
export function GrantScope({ grant }: { grant: Grant }) {
  const { t } = useT();
  return (
    <ResponsiveDescriptions
            data-testid="grant-scope"
      items={[
        { key: 'grantee', label: t('data.grant.grantee'), children: grant.granteeName },
        { key: 'state', label: t('data.grant.state'), children: <GrantStateTag grant={grant} /> },
        { key: 'fields', label: t('data.grant.fields'), span: 'filled', children: <DemandFields resourceId={grant.resourceId} fields={grant.fields} /> },
        {
          key: 'rows',
          label: t('data.grant.rows'),
          children: grant.rowRegion ? (
            <span data-testid="grant-rows">
              {t('data.grant.rowsIn')}
              <RegionName code={grant.rowRegion} />
            </span>
          ) : (
            <span data-testid="grant-rows">{t('data.grant.allRows')}</span>
          ),
        },
        { key: 'period', label: t('data.grant.period'), children: t('data.grant.periodOf', { from: grant.validFrom, to: grant.validTo }) },
        { key: 'quota', label: t('data.grant.dailyQuota'), children: t('data.grant.quotaOf', { n: grant.dailyQuota.toLocaleString() }) },
        {
          key: 'clear',
          label: t('data.grant.clearFields'),
          span: 'filled',
          children: grant.clearFields.length ? <DemandFields resourceId={grant.resourceId} fields={grant.clearFields} /> : <span data-testid="grant-clear-none">{t('data.grant.allMasked')}</span>,
        },
        { key: 'bulk', label: t('data.grant.bulk'), children: <BulkTag bulk={grant.bulk} /> },
        ...(grant.revokedReason ? [{ key: 'revoked', label: t('data.grant.revokedReason'), span: 'filled' as const, children: grant.revokedReason }] : []),
      ]}
    />
  );
}
