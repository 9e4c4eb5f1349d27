import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireArea } from '../auth/RequireArea.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import AdminLayout from '../pages/admin/AdminLayout.tsx';

const RegionsPage = lazy(() => import('../pages/admin/RegionsPage.tsx'));
const DepartmentsPage = lazy(() => import('../pages/admin/DepartmentsPage.tsx'));
const HallsPage = lazy(() => import('../pages/admin/HallsPage.tsx'));
const WindowsPage = lazy(() => import('../pages/admin/WindowsPage.tsx'));
const KiosksPage = lazy(() => import('../pages/admin/KiosksPage.tsx'));
const StaffPage = lazy(() => import('../pages/admin/StaffPage.tsx'));
const CalendarPage = lazy(() => import('../pages/admin/CalendarPage.tsx'));
const SealsPage = lazy(() => import('../pages/seal/SealsPage.tsx'));
const LicenceTypesPage = lazy(() => import('../pages/license/types/LicenceTypesPage.tsx'));
const ClientsPage = lazy(() => import('../pages/identity/ClientsPage.tsx'));
const RatingSettingsPage = lazy(() => import('../pages/ratings/RatingSettingsPage.tsx'));
const CatalogItemsPage = lazy(() => import('../pages/catalog/admin/ItemsPage.tsx'));
const CatalogItemEditorPage = lazy(() => import('../pages/catalog/admin/ItemEditorPage.tsx'));
const CatalogBundlesPage = lazy(() => import('../pages/catalog/admin/BundlesPage.tsx'));
const CatalogSynonymsPage = lazy(() => import('../pages/catalog/admin/SynonymsPage.tsx'));
const CatalogConsistencyPage = lazy(() => import('../pages/catalog/admin/ConsistencyPage.tsx'));

/** /admin/*: administration of the organisation model and the working calendar. */
export default function AdminArea() {
  return (
    <RequireArea area="admin">
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<Navigate to="departments" replace />} />
          <Route path="regions" element={<RegionsPage />} />
          <Route path="departments" element={<DepartmentsPage />} />
          <Route path="halls" element={<HallsPage />} />
          <Route path="windows" element={<WindowsPage />} />
          <Route path="kiosks" element={<KiosksPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="seals" element={<SealsPage />} />
          <Route path="licence-types" element={<LicenceTypesPage />} />
          <Route path="clients" element={<ClientsPage />} />
          <Route path="ratings" element={<RatingSettingsPage />} />
          <Route path="catalog/items" element={<CatalogItemsPage />} />
          <Route path="catalog/items/:id" element={<CatalogItemEditorPage />} />
          <Route path="catalog/bundles" element={<CatalogBundlesPage />} />
          <Route path="catalog/synonyms" element={<CatalogSynonymsPage />} />
          <Route path="catalog/consistency" element={<CatalogConsistencyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RequireArea>
  );
}
