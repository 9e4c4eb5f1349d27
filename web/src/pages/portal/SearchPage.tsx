import { useSearchParams } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { useT } from '../../i18n/useT.ts';
import { PortalSearch } from './PortalSearch.tsx';

/** Search results: there is no catalogue to search yet. */
export default function SearchPage() {
  const { t } = useT();
  const q = useSearchParams()[0].get('q') ?? '';
  return (
    <div className="portal-container portal-page">
      <PortalSearch initial={q} />
      <ComingSoon title={t('portal.searchSoon')} text={t('portal.searchSoonText', { q })} />
    </div>
  );
}
