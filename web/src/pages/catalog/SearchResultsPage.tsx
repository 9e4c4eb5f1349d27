import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';
import { ItemResults } from '../portal/browse/ItemResults.tsx';
import { PortalSearch } from '../portal/PortalSearch.tsx';

/** /search?q=: results of the catalogue search with tags and filters, each opening its 办事指南. */
export default function SearchResultsPage() {
  const { t } = useT();
  const q = useSearchParams()[0].get('q')?.trim().slice(0, 100) ?? '';
  return (
    <div className="portal-container portal-page" data-testid="catalog-search">
      <PortalSearch initial={q} />
      {q ? <ItemResults key={q} fixed={{ q }} empty={t('catalog.noResult', { q })} /> : null}
    </div>
  );
}
