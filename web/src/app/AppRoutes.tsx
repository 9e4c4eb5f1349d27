import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.tsx';

// One chunk per area: a citizen on the portal never downloads the administration or ECharts.
const PortalArea = lazy(() => import('../areas/PortalArea.tsx'));
const StaffArea = lazy(() => import('../areas/StaffArea.tsx'));
const AdminArea = lazy(() => import('../areas/AdminArea.tsx'));
const CockpitArea = lazy(() => import('../areas/CockpitArea.tsx'));
const LoginPage = lazy(() => import('../pages/login/LoginPage.tsx'));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/staff/*" element={<StaffArea />} />
        <Route path="/admin/*" element={<AdminArea />} />
        <Route path="/cockpit" element={<CockpitArea />} />
        <Route path="/*" element={<PortalArea />} />
      </Routes>
    </Suspense>
  );
}
