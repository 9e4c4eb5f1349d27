import { Alert, Descriptions } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { GENUINE_BUT, GOOD, type Verification } from './api.ts';
import { VerifyPackage } from './VerifyPackage.tsx';
import { dateTime } from '../../app/city-time.ts';

/** The answer a verifier needs at a glance, then the details the holder chose to show. */
export function VerifyResult({ result }: { result: Verification }) {
  const { t } = useT();
  const type = GOOD.includes(result.verdict) ? 'success' : GENUINE_BUT.includes(result.verdict) ? 'warning' : 'error';
  const disclosed = result.disclosed;
  return (
    <div data-testid="verify-result" data-verdict={result.verdict}>
      <Alert type={type} showIcon title={t(`license.verify.verdicts.${result.verdict}`)} style={{ marginBottom: 16 }} />
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('license.verify.identifier')}>
          <code style={{ wordBreak: 'break-all' }}>{result.identifier}</code>
        </Descriptions.Item>
        {result.typeName ? <Descriptions.Item label={t('license.verify.type')}>{result.typeName}</Descriptions.Item> : null}
        {result.issuerName ? <Descriptions.Item label={t('license.verify.issuer')}>{result.issuerName}</Descriptions.Item> : null}
        {result.validFrom ? (
          <Descriptions.Item label={t('license.verify.validity')}>
            {result.validFrom} ~ {result.validTo ?? t('license.verify.longTerm')}
          </Descriptions.Item>
        ) : null}
        {result.statusName ? <Descriptions.Item label={t('license.verify.status')}>{result.statusName}</Descriptions.Item> : null}
        {disclosed?.holderName ? (
          <Descriptions.Item label={t('license.verify.holderName')}>{disclosed.holderName}</Descriptions.Item>
        ) : null}
        {disclosed?.holderCode ? (
          <Descriptions.Item label={t('license.verify.holderCode')}>{disclosed.holderCode}</Descriptions.Item>
        ) : null}
        {Object.entries(disclosed?.fields ?? {}).map(([k, v]) => (
          <Descriptions.Item key={k} label={disclosed?.fieldLabels[k] ?? k}>
            {String(v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {result.sealId && result.genuine ? (
        <img src={`/api/seals/${result.sealId}/image.svg`} alt="" width={96} style={{ marginTop: 12 }} />
      ) : null}
      {result.presentation ? (
        <p style={{ color: '#888', marginTop: 8 }}>
          {t('license.verify.expiresAt', { time: dateTime(result.presentation.expiresAt) })}
        </p>
      ) : null}
      <VerifyPackage result={result} />
    </div>
  );
}
