import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.tsx';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage.tsx';
import { AREA_ROLES, loginPath, mayEnter, type Area } from './access.ts';
import { useSession } from './useSession.ts';

/** Renders the area only for a signed-in user allowed into it: else login, or a 403 page. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'anonymous' || !user) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (!mayEnter(user, area)) return <ForbiddenPage roles={AREA_ROLES[area]} />;
  return <>{children}</>;
}
