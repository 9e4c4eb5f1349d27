import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';
import { GOOD, type Licence } from './api.ts';
import { licenceNumber } from './licenceNumber.ts';
import './wallet-card.css';

/**
 * One licence in the wallet: its name, number and holder first (what tells two licences of one
 * type apart at a glance), validity and issuer next, the long 电子证照标识 folded away.
 */
export function WalletCard({ licence: l, actions }: { licence: Licence; actions: ReactNode }) {
  const { t } = useT();
  return (
    <article className="wallet-card" data-testid="wallet-licence">
      <header className="wallet-card-head">
        <img src={`/api/seals/${l.sealId}/image.svg`} alt="" width={48} height={48} />
        <div className="wallet-card-title">
          <Typography.Title level={4}>{l.typeName}</Typography.Title>
          <Tag color={GOOD.includes(l.verdict) ? 'green' : 'orange'}>{l.statusName}</Tag>
        </div>
      </header>
      <dl className="wallet-card-facts">
        <dt>{t('portalBrowse.wallet.number')}</dt>
        <dd data-testid="wallet-number">{licenceNumber(l)}</dd>
        <dt>{t('portalBrowse.wallet.holder')}</dt>
        <dd>{l.holder.name}</dd>
        <dt>{t('portalBrowse.wallet.validity')}</dt>
        <dd>
          {l.validFrom} ~ {l.validTo ?? t('license.verify.longTerm')}
        </dd>
        <dt>{t('portalBrowse.wallet.issuer')}</dt>
        <dd>{l.issuerName}</dd>
      </dl>
      <details className="wallet-card-id">
        <summary>{t('portalBrowse.wallet.identifier')}</summary>
        <Typography.Text code copyable>
          {l.identifier}
        </Typography.Text>
      </details>
      <Space wrap className="wallet-card-actions">
        {actions}
      </Space>
    </article>
  );
}
