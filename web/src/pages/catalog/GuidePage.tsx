import { Alert, Button, Card, Collapse, Descriptions, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import type { Guide } from '../../../../src/modules/catalog/api.ts';
import { GuideProcess } from './GuideProcess.tsx';
import { NearestHall } from './NearestHall.tsx';

// The guide's shape is the route schema's (type-only import: nothing of the server is bundled).
type Material = NonNullable<Guide['content']['materials']>[number];
type Limit = NonNullable<Guide['content']['statutoryLimit']>;

/** /guide/:id — the public 办事指南 of an item (mobile-first: one column of cards). */
export default function GuidePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const [guide, setGuide] = useState<Guide>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api
      .get<Guide>(`/api/catalog/guide/${encodeURIComponent(id)}`)
      .then(setGuide)
      .catch((e: ApiError) => setError(e.message || e.code));
  }, [id]);

  if (error) return <Alert className="portal-container portal-page" type="error" message={error} />;
  if (!guide) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = guide.content;
  const noSubmit = new Map(guide.noSubmit.map((n) => [n.key, n]));
  const limit = (l?: Limit) => (!l ? '—' : l.immediate ? t('catalog.immediate') : t('catalog.workingDays', { days: l.days }));
  const card = (title: string, body: React.ReactNode, testId?: string) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      {body}
    </Card>
  );

  return (
    <div className="portal-container portal-page" data-testid="guide">
      <h1 style={{ fontSize: 22 }}>{c.name}</h1>
      <p>
        {guide.departmentName} · {guide.typeName} {c.onlineDepth?.level === 4 && <Tag color="green">{t('catalog.fullOnline')}</Tag>}
      </p>
      {(c.onlineDepth?.level ?? 0) >= 3 && (
        <Button type="primary" size="large" block href={`/apply/${guide.itemId}`} data-testid="apply-online" style={{ marginBottom: 12 }}>
          {t('catalog.applyOnline')}
        </Button>
      )}
      {card(
        t('catalog.basicInfo'),
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('catalog.department')}>{guide.departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.limits')}>
            {t('catalog.statutory')} {limit(c.statutoryLimit)} / {t('catalog.promised')} {limit(c.promisedLimit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.visits')}>{t('catalog.visitsValue', { count: c.visits ?? 0 })}</Descriptions.Item>
          {c.result?.name && <Descriptions.Item label={t('catalog.result')}>{c.result.name}</Descriptions.Item>}
          <Descriptions.Item label={t('catalog.code')}>
            <small style={{ wordBreak: 'break-all' }}>{guide.code}</small>
          </Descriptions.Item>
        </Descriptions>,
      )}
      {card(t('catalog.conditions'), <ol style={{ paddingLeft: 20, margin: 0 }}>{(c.conditions ?? []).map((x, i) => <li key={i}>{x}</li>)}</ol>)}
      {card(
        t('catalog.materials'),
        <Table
          size="small"
          pagination={false}
          rowKey={(m) => m.key ?? m.name}
          dataSource={c.materials ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('catalog.materialName'), dataIndex: 'name', render: (name: string, m: Material, i: number) => {
              // 免提交 only as far as the server says the platform obtains it (shared data, or a licence type it keeps)
              const fetched = noSubmit.get(m.key ?? `m${i + 1}`);
              return (
                <>
                  {name}{' '}
                  {fetched && (
                    <Tag color="green" title={t('guideProcess.noSubmitHint')} data-testid="no-submit">
                      {fetched.via === 'data' ? t('guideProcess.noSubmitData') : t('guideProcess.noSubmitLicence', { licence: fetched.licenceTypeName ?? '' })}
                    </Tag>
                  )}
                </>
              );
            } },
            { title: t('catalog.necessity'), dataIndex: 'necessity', render: (n: Material['necessity']) => t(`catalog.${n}`) },
          ]}
        />,
        'guide-materials',
      )}
      {card(
        t('catalog.fees'),
        !c.fees?.charged ? t('catalog.free') : (
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {(c.fees.items ?? []).map((f, i) => (
              <li key={i}>
                {f.name}：{f.amountFen !== undefined ? t('catalog.yuan', { amount: (f.amountFen / 100).toFixed(2) }) : f.standard}
                {f.basis && <div><small>{f.basis}</small></div>}
              </li>
            ))}
          </ul>
        ),
      )}
      <GuideProcess process={guide.process} />
      {card(
        t('catalog.places'),
        <>
          {(c.halls ?? []).map((h, i) => (
            <p key={i}>
              <b>{h.name}</b> {h.address} {h.windows?.join('、')}
              <br />
              {h.hours ?? c.hours}
            </p>
          ))}
        </>,
      )}
      {!!guide.halls.length && <NearestHall halls={guide.halls} />}
      {!!c.faqs?.length && card(t('catalog.faqs'), <Collapse size="small" items={c.faqs.map((f, i) => ({ key: i, label: f.q, children: f.a }))} />)}
      {card(
        t('catalog.contact'),
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('catalog.consultPhone')}>{c.contact?.consultPhone}</Descriptions.Item>
          <Descriptions.Item label={t('catalog.complaintPhone')}>{c.contact?.complaintPhone}</Descriptions.Item>
        </Descriptions>,
      )}
      {!!guide.bundles.length && card(t('catalog.inBundles'), guide.bundles.map((b) => <Link key={b.id} to={`/bundle/${encodeURIComponent(b.code)}`}><Tag>{b.name}</Tag></Link>))}
    </div>
  );
}
