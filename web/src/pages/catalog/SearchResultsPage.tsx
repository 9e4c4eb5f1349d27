import { Empty, List, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { SearchResult as Hit } from '../../../../src/modules/catalog/api.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import { PortalSearch } from '../portal/PortalSearch.tsx';


/** /search?q=: results of the catalogue search, each opening its 办事指南. */
export default function SearchResultsPage() {
  const { t } = useT();
  const q = useSearchParams()[0].get('q') ?? '';
  const [state, setState] = useState<{ loading: boolean; items: Hit[]; total: number; error?: string }>({ loading: true, items: [], total: 0 });

  useEffect(() => {
    if (!q.trim()) return setState({ loading: false, items: [], total: 0 });
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api
      .get<{ items: Hit[]; total: number }>('/api/catalog/search', { q: q.slice(0, 100) }, ctrl.signal)
      .then((r) => setState({ loading: false, items: r.items, total: r.total }))
      .catch((e: Error) => e.name !== 'AbortError' && setState({ loading: false, items: [], total: 0, error: e.message }));
    return () => ctrl.abort();
  }, [q]);

  return (
    <div className="portal-container portal-page" data-testid="catalog-search">
      <PortalSearch initial={q} />
      {state.loading ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : state.items.length === 0 ? (
        <Empty description={state.error ?? t('catalog.noResult', { q })} />
      ) : (
        <>
          <p>{t('catalog.resultCount', { count: state.total })}</p>
          <List
            dataSource={state.items}
            renderItem={(hit) => (
              <List.Item data-testid="search-hit">
                <List.Item.Meta
                  title={
                    hit.kind === 'item' ? (
                      <Link to={`/guide/${hit.id}`}>{hit.name}</Link>
                    ) : (
                      <Link to={`/bundle/${encodeURIComponent(hit.code)}`}>
                        <Tag color="gold">{t('catalog.bundle')}</Tag>
                        {hit.name}
                      </Link>
                    )
                  }
                  description={hit.departmentName}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
