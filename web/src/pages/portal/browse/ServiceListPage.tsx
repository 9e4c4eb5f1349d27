import { LeftOutlined } from '@ant-design/icons';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Audience } from '../../../../../src/modules/catalog/api.ts';
import { useRemote } from '../../../components/useRemote.ts';
import { useT } from '../../../i18n/useT.ts';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';
import { isKnownTheme, themeLook, themeName } from '../themes.tsx';
import { catalogBrowse } from './api.ts';
import { ItemResults } from './ItemResults.tsx';

/** A theme's list (/services/person/birth) or a department's (/services/department/<id>): published items, filterable, paged. */
export default function ServiceListPage() {
  const { audience, theme, departmentId } = useParams();
  if (departmentId) return <DepartmentList departmentId={departmentId} />;
  if (audience && theme && isKnownTheme(audience, theme)) return <ThemeList audience={audience} theme={theme} />;
  return <NotFoundPage />;
}

function Back({ tab }: { tab: string }) {
  const { t } = useT();
  return (
    <Link to={`/services?tab=${tab}`} className="portal-back">
      <LeftOutlined /> {t('portalBrowse.services')}
    </Link>
  );
}

function ThemeList({ audience, theme }: { audience: Audience; theme: string }) {
  const { t, tx } = useT();
  const look = themeLook(audience, theme);
  return (
    <div className="portal-container portal-page" data-testid="theme-list">
      <Back tab={audience} />
      <div className="portal-page-head">
        <span className="theme-icon" style={{ background: look.color }}>
          {look.icon}
        </span>
        <h1>{themeName(tx, audience, theme)}</h1>
      </div>
      <ItemResults fixed={{ theme, audience }} empty={t('portalBrowse.noItems')} />
    </div>
  );
}

function DepartmentList({ departmentId }: { departmentId: string }) {
  const { t } = useT();
  // the name comes with the browse counts (public), as the department list showed it
  const browse = useRemote(useCallback(() => catalogBrowse.counts(), []));
  const name = browse.data?.departments.find((d) => d.id === departmentId)?.name;
  return (
    <div className="portal-container portal-page" data-testid="department-list">
      <Back tab="department" />
      <h1 className="portal-page-title">{name ? t('portalBrowse.departmentItems', { name }) : '\u00a0'}</h1>
      <ItemResults fixed={{ departmentId, kind: 'item' }} empty={t('portalBrowse.noItems')} />
    </div>
  );
}
