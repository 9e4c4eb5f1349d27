import { Card, Col, Progress, Result, Row, Statistic } from 'antd';
import { useCallback, useEffect } from 'react';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { dataLibrary, type RecordQuality } from './exchange-api.ts';

type Rate = 'completeness' | 'format' | 'clean';
const RATES: Rate[] = ['completeness', 'format', 'clean'];
const percent = (share: number) => Math.round(share * 1000) / 10;
/** Green from 99.5 %, gold from 95 %, red below. */
const colour = (share: number) => (share >= 0.995 ? '#52c41a' : share >= 0.95 ? '#faad14' : '#ff4d4f');

/** A library's quality: its records, the rules' share of clean ones, its issues and its last change. */
export function QualityFigures({ resourceId, changed }: { resourceId: string; /** Bumped when a load or an issue changed it. */ changed: number }) {
  const { t } = useT();
  const errorText = useErrorText();
  const load = useCallback(() => dataLibrary.quality(resourceId), [resourceId]);
  const { data, error, loading, reload } = useRemote<RecordQuality>(load);
  useEffect(() => {
    if (changed) reload();
  }, [changed, reload]);

  if (error && !data) return <Result status="warning" subTitle={errorText(error)} />;
  const q = data;
  return (
    <Row gutter={[12, 12]} data-testid="library-quality">
      <Col xs={12} md={8}>
        <Card size="small" loading={loading && !q}>
          <Statistic title={t('data.quality.records')} value={q?.records ?? 0} data-testid="quality-records" />
        </Card>
      </Col>
      <Col xs={12} md={8}>
        <Card size="small" loading={loading && !q}>
          <Statistic
            title={t('data.quality.openIssues')}
            value={q?.openIssues ?? 0}
            suffix={<span className="quality-fixed">{t('data.quality.fixedOf', { n: q?.fixedIssues ?? 0 })}</span>}
            data-testid="quality-open"
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" loading={loading && !q}>
          <Statistic title={t('data.quality.lastChangedAt')} value={q?.lastChangedAt ? dateTimeMinutes(q.lastChangedAt) : t('data.quality.never')} styles={{ content: { fontSize: 18 } }} />
        </Card>
      </Col>
      {RATES.map((rate) => (
        <Col key={rate} xs={8} md={8}>
          <Card size="small" loading={loading && !q} styles={{ body: { textAlign: 'center' } }}>
            <Progress
              type="dashboard"
              size={72}
              percent={q ? percent(q[rate]) : 0}
              strokeColor={q ? colour(q[rate]) : undefined}
              format={(p) => `${p}%`}
              data-testid={`quality-${rate}`}
            />
            <div>{t(`data.quality.${rate}`)}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
