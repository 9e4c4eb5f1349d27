import { Alert, Button, Card, List, Spin, Steps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import type { BundleDetail } from './admin/api.ts';

/** /bundle/:code — the public guide of a 一件事: its steps, one merged form, one list of materials. */
export default function BundleGuidePage() {
  const { t, tx } = useT();
  const { code = '' } = useParams();
  const [bundle, setBundle] = useState<BundleDetail>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api
      .get<BundleDetail>(`/api/catalog/bundles/${encodeURIComponent(code)}`)
      .then(setBundle)
      .catch((e: ApiError) => setError(e.message || e.code));
  }, [code]);

  if (error) return <Alert className="portal-container portal-page" type="error" title={error} />;
  if (!bundle) return <Spin style={{ display: 'block', margin: 48 }} />;
  const b = bundle.bundle;
  return (
    <div className="portal-container portal-page" data-testid="bundle-guide">
      <h1 style={{ fontSize: 22 }}>
        <Tag color="gold">{t('catalog.bundle')}</Tag>
        {b.name}
      </h1>
      <p>{b.leadDepartmentName}</p>
      <Link to={`/apply-bundle/${encodeURIComponent(b.code)}`}><Button type="primary" style={{ marginBottom: 12 }} data-testid="bundle-apply-link">{t('casesBundle.apply')}</Button></Link>
      <Card size="small" style={{ marginBottom: 12 }}>
        {b.content.guide}
        {b.content.promisedLimit !== undefined ? (
          <p style={{ marginTop: 8, marginBottom: 0 }}>
            {t('catalog.promised')}{' '}
            {b.content.promisedLimit === 0 ? t('catalog.immediate') : t('catalog.workingDays', { days: b.content.promisedLimit })}{' '}
            · {t('catalog.visits')} {t('catalog.visitsValue', { count: b.content.visits ?? 0 })}
          </p>
        ) : null}
      </Card>
      <Card size="small" title={t('catalog.process')} style={{ marginBottom: 12 }}>
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={bundle.steps.map((s) => ({
            title: `${t('catalog.admin.step')} ${s.step} · ${tx(`catalog.admin.mode.${s.mode}`, s.mode)}`,
            content: s.members.map((m) => (
              <div key={m.code}>
                {m.kind === 'item' ? (
                  <Link to={`/guide/${encodeURIComponent(m.code)}`}>{m.name}</Link>
                ) : (
                  <Link to={`/bundle/${encodeURIComponent(m.code)}`}>{m.name}</Link>
                )}{' '}
                {m.optional ? <Tag>{m.condition || t('catalog.admin.optionalMember')}</Tag> : null}
              </div>
            )),
          }))}
        />
      </Card>
      <Card
        size="small"
        title={t('catalog.admin.mergedMaterials', { listed: bundle.materials.length, total: bundle.materialsBeforeMerge })}
        style={{ marginBottom: 12 }}
        data-testid="bundle-materials"
      >
        <List
          size="small"
          dataSource={bundle.materials}
          renderItem={(m) => (
            <List.Item>
              <span>
                {m.name} <Tag>{t(`catalog.${m.necessity}`)}</Tag>
                <br />
                <small>{m.neededBy.map((n) => n.itemName).join('、')}</small>
              </span>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={t('catalog.admin.mergedForm', { asked: bundle.form.fields.length, total: bundle.form.fieldsBeforeMerge })}
      >
        {bundle.form.fields.map((f) => (
          <Tag key={f.name} style={{ marginBottom: 4 }}>
            {f.title}
          </Tag>
        ))}
      </Card>
    </div>
  );
}
