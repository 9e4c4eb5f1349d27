import { Empty, Pagination, Spin } from 'antd';
import { useCallback, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { date } from '../../app/city-time.ts';
import { useCity } from '../../app/useCity.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { PortalSearch } from '../portal/PortalSearch.tsx';
import { DCAT_CATALOG, DCAT_CATALOG_JSONLD, datasetPath, openData, type OpenDataset } from './api.ts';
import { DatasetTags } from './DatasetTags.tsx';
import './open-data.css';

const PAGE_SIZE = 10;

/**
 * /open-data — 数据开放: the city's open datasets for anyone, searchable, as cards (provider,
 * summary, class, update cycle, 无条件 / 有条件开放, records, downloads, last update), paged; the
 * DCAT-AP catalogue of the same datasets linked for programs.
 */
export default function OpenDataPage() {
  const { t } = useT();
  const city = useCity();
  const { state, update } = useListQuery([]);
  const q = state.q.trim();
  const fetchPage = useCallback(
    (signal: AbortSignal) => openData.list({ q: q || undefined, page: state.page, pageSize: PAGE_SIZE }, signal),
    [q, state.page],
  );
  const { page, loading } = useFetchedPage(fetchPage);
  // the header's figure counts every open dataset, whatever is searched
  const all = useRemote(useCallback(() => openData.list({ pageSize: 1 }), []));
  const title = t('openData.title');

  useEffect(() => {
    document.title = `${title} · ${city.name}`;
  }, [title, city.name]);

  return (
    <div className="portal-container portal-page" data-testid="open-data">
      <div className="open-data-head">
        <h1 className="portal-page-title">{title}</h1>
        {all.data ? (
          <span className="open-data-figure" data-testid="open-data-total">
            {t('openData.total', { count: all.data.total })}
          </span>
        ) : null}
      </div>
      <p className="open-data-intro" data-testid="open-data-intro">
        {t('openData.intro', { city: city.name })}
      </p>
      <PortalSearch
        initial={q}
        placeholder={t('openData.searchPlaceholder')}
        onSearch={(v) => update({ q: v || undefined, page: undefined })}
        testId="open-data-search"
      />
      <p className="open-data-machine">
        {t('openData.machineReadable')}
        <a href={DCAT_CATALOG} data-testid="open-data-dcat">
          {t('openData.catalog')}
        </a>
        {' · '}
        <a href={DCAT_CATALOG_JSONLD}>{t('openData.catalogJsonLd')}</a>
      </p>
      {q && page ? <p className="result-count">{t('portalBrowse.resultCount', { count: page.total })}</p> : null}
      {!page ? (
        loading ? (
          <Spin style={{ display: 'block', margin: 32 }} />
        ) : null
      ) : page.items.length === 0 ? (
        <Empty
          className="open-data-empty"
          description={q ? t('openData.noMatch', { q }) : t('openData.empty')}
          data-testid="open-data-empty"
        />
      ) : (
        <Spin spinning={loading}>
          <div className="open-data-cards" style={{ marginTop: q ? 0 : 12 }}>
            {page.items.map((d) => (
              <DatasetCard key={d.code} dataset={d} />
            ))}
          </div>
        </Spin>
      )}
      {page && page.total > PAGE_SIZE ? (
        <Pagination
          className="result-pages"
          simple
          current={state.page}
          pageSize={PAGE_SIZE}
          total={page.total}
          showSizeChanger={false}
          onChange={(p) => {
            update({ page: p });
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </div>
  );
}

/** One dataset: the whole card opens its page. */
function DatasetCard({ dataset: d }: { dataset: OpenDataset }) {
  return (
    <Link to={datasetPath(d.code)} className="open-data-card" data-testid="open-dataset">
      <h2 className="open-data-name">{d.name}</h2>
      <p className="open-data-provider">{d.providerName}</p>
      <p className="open-data-summary">{d.summary}</p>
      <DatasetTags dataset={d} />
      <DatasetFigures dataset={d} />
    </Link>
  );
}

/** Records, downloads and the last update (a date in city time). */
function DatasetFigures({ dataset: d }: { dataset: OpenDataset }) {
  const { t } = useT();
  return (
    <span className="open-data-figures" data-testid="open-dataset-figures">
      <span>{t('openData.records', { count: d.records })}</span>
      <span>{t('openData.downloads', { count: d.downloads })}</span>
      {d.lastChangedAt ? <span>{t('openData.updated', { date: date(d.lastChangedAt) })}</span> : null}
    </span>
  );
}
