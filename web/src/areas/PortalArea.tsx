import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import PortalLayout from '../pages/portal/PortalLayout.tsx';

const PortalHome = lazy(() => import('../pages/portal/PortalHome.tsx'));
const ServicesSoonPage = lazy(() => import('../pages/portal/ServicesSoonPage.tsx'));
const SearchPage = lazy(() => import('../pages/portal/SearchPage.tsx'));

/** / and everything no other area claims: the public portal (and its 404). */
export default function PortalArea() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="services/:theme" element={<ServicesSoonPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
