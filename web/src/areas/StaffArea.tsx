import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireArea } from '../auth/RequireArea.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import StaffLayout from '../pages/staff/StaffLayout.tsx';
import { STAFF_MODULES } from '../pages/staff/staffModules.tsx';

const StaffHome = lazy(() => import('../pages/staff/StaffHome.tsx'));
const StaffModulePage = lazy(() => import('../pages/staff/StaffModulePage.tsx'));
const StaffMessagesPage = lazy(() => import('../pages/staff/StaffMessagesPage.tsx'));

/** /staff/*: the workbench of any staff member. */
export default function StaffArea() {
  return (
    <RequireArea area="staff">
      <Routes>
        <Route element={<StaffLayout />}>
          <Route index element={<StaffHome />} />
          {STAFF_MODULES.map((m) => (
            <Route key={m.path} path={m.path} element={m.page ? <m.page /> : <StaffModulePage module={m} />} />
          ))}
          <Route path="messages" element={<StaffMessagesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </RequireArea>
  );
}
