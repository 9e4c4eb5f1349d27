import { Alert, Empty, List, Pagination, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../i18n/useT.ts';
import { catalogBrowse, type SearchPage, type SearchQuery } from './api.ts';
import { readFilters, toQuery, writeFilters, type ChosenFilters } from './filterParams.ts';
import { HitTags } from './HitTags.tsx';
import { ResultFilters } from './ResultFilters.tsx';

const PAGE_SIZE = 10;

/**
 * A list of published items (and 一件事) with filters, tags and pages: the search results, a
 * theme's and a department's list are all this, with different fixed filters.
 */
export function ItemResults({ fixed, empty }: { fixed: Partial<SearchQuery>; empty: string }) {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const chosen = readFilters(params);
  // the query as text: a new object on each render must not fetch again
  const queryKey = JSON.stringify(toQuery(chosen, fixed, PAGE_SIZE));
  const [state, setState] = useState<{ loading: boolean; page?: SearchPage; error?: string }>({ loading: true });

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    catalogBrowse
      .search(JSON.parse(queryKey) as SearchQuery, ctrl.signal)
      .then((page) => setState({ loading: false, page }))
      .catch((e: Error) => e.name !== 'AbortError' && setState({ loading: false, error: e.message }));
    return () => ctrl.abort();
  }, [queryKey]);

  const change = (next: Partial<ChosenFilters>) => setParams(writeFilters(params, next));
  if (state.error) return <Alert type="error" showIcon title={state.error} data-testid="results-error" />;
  const page = state.page;
  if (!page) return <Spin style={{ display: 'block', margin: 32 }} />;
  return (
    <div className="item-results" data-testid="item-results">
      <ResultFilters facets={page.facets} chosen={chosen} hide={{ department: !!fixed.departmentId, theme: !!fixed.theme }} onChange={change} />
      <p className="result-count">{t('portalBrowse.resultCount', { count: page.total })}</p>
      {page.items.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <List
          className="result-list"
          loading={state.loading}
          dataSource={page.items}
          renderItem={(hit) => (
            <List.Item data-testid="search-hit">
              <div className="result-hit">
                <Link to={hit.kind === 'item' ? `/guide/${hit.id}` : `/bundle/${encodeURIComponent(hit.code)}`} className="result-hit-name">
                  {hit.name}
                </Link>
                <div className="result-hit-meta">
                  <span className="result-hit-dept">{hit.departmentName}</span>
                  <HitTags hit={hit} />
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {page.total > PAGE_SIZE ? (
        <Pagination
          className="result-pages"
          simple
          current={chosen.page}
          pageSize={PAGE_SIZE}
          total={page.total}
          showSizeChanger={false}
          onChange={(p) => {
            change({ page: p });
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </div>
  );
}
