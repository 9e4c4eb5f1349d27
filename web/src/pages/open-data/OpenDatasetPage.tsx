import { DownloadOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Spin, Table } from 'antd';
import { useCallback, useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { date } from '../../app/city-time.ts';
import { useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { codeOfPath, DOWNLOAD_FORMATS, openData, type OpenDatasetDetail } from './api.ts';
import { DatasetTags } from './DatasetTags.tsx';
import './open-data.css';

type Field = OpenDatasetDetail['fields'][number];
type Values = OpenDatasetDetail['preview'][number];
/** A preview row with its place (records have no id of their own here). */
type Row = { n: number; values: Values };

/**
 * /open-data/:code (the code's slash as a dash) — an open dataset: what it is and under which
 * licence, its fields, its first records, and CSV / JSON / Excel downloads; a 有条件开放 one shows
 * its condition instead of downloads (it is applied for).
 */
export default function OpenDatasetPage() {
  const { t } = useT();
  const errorText = useErrorText();
  const code = codeOfPath(useParams().code ?? '');
  const remote = useRemote(useCallback(() => openData.get(code), [code]));
  const d = remote.data;

  useEffect(() => {
    if (d) document.title = d.name;
  }, [d]);

  const back = (
    <Link to="/open-data" className="portal-back">
      <LeftOutlined /> {t('openData.title')}
    </Link>
  );
  if (remote.error) {
    // not there, or not a 信息资源代码 at all (a mistyped address answers 400): both are "no such dataset"
    const missing = remote.error instanceof ApiError && (remote.error.status === 404 || remote.error.status === 400);
    return (
      <div className="portal-container portal-page" data-testid="open-dataset-page">
        {back}
        {missing ? (
          <Empty className="open-data-empty" description={t('openData.notFound')} data-testid="open-dataset-missing" />
        ) : (
          <Alert type="error" showIcon title={errorText(remote.error)} />
        )}
      </div>
    );
  }
  if (!d) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <div className="portal-container portal-page" data-testid="open-dataset-page">
      {back}
      <header className="open-dataset-head">
        <h1 className="portal-page-title">{d.name}</h1>
        <p className="open-data-provider">{d.providerName}</p>
        <DatasetTags dataset={d} />
        <p className="open-data-intro" data-testid="open-dataset-summary">
          {d.summary}
        </p>
      </header>
      {d.downloadable ? <Downloads dataset={d} /> : <Conditional dataset={d} />}
      <Card size="small" title={t('openData.basic')} className="open-data-section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          className="open-data-facts"
          data-testid="open-dataset-facts"
          items={[
            { key: 'code', label: t('openData.code'), children: <span className="mono">{d.code}</span> },
            { key: 'class', label: t('openData.class'), children: d.className },
            { key: 'provider', label: t('openData.provider'), children: d.providerName },
            { key: 'openType', label: t('openData.openType'), children: t(`data.openTypes.${d.openType}`) },
            { key: 'updateCycle', label: t('openData.updateCycle'), children: <UpdateCycle cycle={d.updateCycle} /> },
            { key: 'records', label: t('openData.recordCount'), children: t('openData.records', { count: d.records }) },
            { key: 'downloads', label: t('openData.downloadCount'), children: d.downloads },
            {
              key: 'lastChanged',
              label: t('openData.lastChanged'),
              children: d.lastChangedAt ? date(d.lastChangedAt) : t('openData.none'),
            },
            {
              key: 'published',
              label: t('openData.published'),
              children: d.publishedAt ? date(d.publishedAt) : t('openData.none'),
            },
            {
              key: 'licence',
              label: t('openData.licence'),
              children: (
                <a href={d.licence.url} target="_blank" rel="noreferrer" data-testid="open-dataset-licence">
                  {d.licence.name}
                </a>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('openData.fields')} className="open-data-section">
        <Table<Field>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={d.fields}
          scroll={{ x: true }}
          data-testid="open-dataset-fields"
          columns={[
            { key: 'name', title: t('openData.fieldName'), dataIndex: 'name' },
            {
              key: 'key',
              title: t('openData.fieldKey'),
              dataIndex: 'key',
              render: (key: string) => <span className="mono">{key}</span>,
            },
            {
              key: 'type',
              title: t('openData.fieldType'),
              dataIndex: 'type',
              render: (type: string) => <FieldType type={type} />,
            },
          ]}
        />
      </Card>
      {d.downloadable ? <Preview dataset={d} /> : null}
    </div>
  );
}

function UpdateCycle({ cycle }: { cycle: string }) {
  const { tx } = useT();
  return <>{tx(`data.updateCycles.${cycle}`, cycle)}</>;
}

function FieldType({ type }: { type: string }) {
  const { tx } = useT();
  return <span className="open-data-nowrap">{tx(`data.fieldTypes.${type}`, type)}</span>;
}

/** CSV / JSON / Excel as plain links: the server answers an attachment, the browser saves it. */
function Downloads({ dataset: d }: { dataset: OpenDatasetDetail }) {
  const { t } = useT();
  return (
    <Card size="small" title={t('openData.download')} className="open-data-section" data-testid="open-dataset-downloads">
      <div className="open-data-downloads">
        {DOWNLOAD_FORMATS.map((format) => (
          <Button
            key={format}
            href={openData.downloadUrl(d.code, format)}
            icon={<DownloadOutlined />}
            data-testid={`open-dataset-download-${format}`}
          >
            {t(`openData.formats.${format}`)}
          </Button>
        ))}
      </div>
      <p className="open-data-note">{t('openData.downloadHint', { licence: d.licence.name, provider: d.providerName })}</p>
    </Card>
  );
}

/** 有条件开放: no download; its condition, and that it is applied for at the provider. */
function Conditional({ dataset: d }: { dataset: OpenDatasetDetail }) {
  const { t } = useT();
  return (
    <Alert
      type="warning"
      showIcon
      className="open-data-section"
      data-testid="open-dataset-conditional"
      title={t('openData.conditional')}
      description={
        <>
          {t('openData.conditionalText', { provider: d.providerName })}
          <div style={{ marginTop: 4, fontWeight: 500 }}>{d.openCondition ?? t('openData.none')}</div>
        </>
      }
    />
  );
}

/** The first records, one column a field; wider than a phone, it scrolls sideways. */
function Preview({ dataset: d }: { dataset: OpenDatasetDetail }) {
  const { t } = useT();
  return (
    <Card size="small" title={t('openData.preview')} className="open-data-section">
      <p className="open-data-note" style={{ margin: '0 0 8px' }}>
        {t('openData.previewHint', { count: d.preview.length })}
      </p>
      <Table<Row>
        size="small"
        className="open-data-preview"
        pagination={false}
        rowKey="n"
        dataSource={d.preview.map((values, n) => ({ n, values }))}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('openData.noRecords') }}
        data-testid="open-dataset-preview"
        columns={d.fields.map((f) => ({
          key: f.key,
          title: f.name,
          render: (_: unknown, r: Row) => String(r.values[f.key] ?? ''),
        }))}
      />
    </Card>
  );
}
