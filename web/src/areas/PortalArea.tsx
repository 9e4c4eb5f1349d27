import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import PortalLayout from '../pages/portal/PortalLayout.tsx';

const VerifyPage = lazy(() => import('../pages/license/VerifyPage.tsx'));
const WalletPage = lazy(() => import('../pages/license/WalletPage.tsx'));
const PortalHome = lazy(() => import('../pages/portal/PortalHome.tsx'));
const ServicesPage = lazy(() => import('../pages/portal/browse/ServicesPage.tsx'));
const ServiceListPage = lazy(() => import('../pages/portal/browse/ServiceListPage.tsx'));
const MePage = lazy(() => import('../pages/portal/MePage.tsx'));
const SearchPage = lazy(() => import('../pages/catalog/SearchResultsPage.tsx'));
const GuidePage = lazy(() => import('../pages/catalog/GuidePage.tsx'));
const BundleGuidePage = lazy(() => import('../pages/catalog/BundleGuidePage.tsx'));
const MyPaymentsPage = lazy(() => import('../pages/payment/MyPaymentsPage.tsx'));
const PaymentDetailPage = lazy(() => import('../pages/payment/PaymentDetailPage.tsx'));
const RegisterPage = lazy(() => import('../pages/identity/RegisterPage.tsx'));
const ResetPasswordPage = lazy(() => import('../pages/identity/ResetPasswordPage.tsx'));
const SecurityPage = lazy(() => import('../pages/identity/SecurityPage.tsx'));
const EnterprisesPage = lazy(() => import('../pages/identity/EnterprisesPage.tsx'));
const ReceiptVerifyPage = lazy(() => import('../pages/payment/ReceiptVerifyPage.tsx'));
const ApplyPage = lazy(() => import('../pages/cases/ApplyPage.tsx'));
const MyCasesPage = lazy(() => import('../pages/cases/MyCasesPage.tsx'));
const MyCasePage = lazy(() => import('../pages/cases/MyCasePage.tsx'));
const CaseProgressPage = lazy(() => import('../pages/cases/ProgressPage.tsx'));
const BundleApplyPage = lazy(() => import('../pages/cases/bundle/BundleApplyPage.tsx'));
const BundleCasePage = lazy(() => import('../pages/cases/bundle/BundleCasePage.tsx'));
const BundleProgressPage = lazy(() => import('../pages/cases/bundle/BundleProgressPage.tsx'));
const MyRatingsPage = lazy(() => import('../pages/ratings/MyRatingsPage.tsx'));
const MyDataUsesPage = lazy(() => import('../pages/data-ledger/MyDataUsesPage.tsx'));
const MessagesPage = lazy(() => import('../pages/cases/MessagesPage.tsx'));
const RateLinkPage = lazy(() => import('../pages/ratings/RateLinkPage.tsx'));
const PublicRatingsPage = lazy(() => import('../pages/ratings/PublicRatingsPage.tsx'));
const OpenDataPage = lazy(() => import('../pages/open-data/OpenDataPage.tsx'));
const OpenDatasetPage = lazy(() => import('../pages/open-data/OpenDatasetPage.tsx'));
const PortalHotlinePage = lazy(() => import('../pages/hotline/PortalHotlinePage.tsx'));

/** / and everything no other area claims: the public portal (and its 404). */
export default function PortalArea() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="services/department/:departmentId" element={<ServiceListPage />} />
        <Route path="services/:audience/:theme" element={<ServiceListPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="wallet" element={<WalletPage />} />
        <Route path="guide/:id" element={<GuidePage />} />
        <Route path="bundle/:code" element={<BundleGuidePage />} />
        <Route path="payments" element={<MyPaymentsPage />} />
        <Route path="payments/verify" element={<ReceiptVerifyPage />} />
        <Route path="payments/:id" element={<PaymentDetailPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="me/security" element={<SecurityPage />} />
        <Route path="me/enterprises" element={<EnterprisesPage />} />
        <Route path="apply/:itemId" element={<ApplyPage />} />
        <Route path="my-cases" element={<MyCasesPage />} />
        <Route path="messages" element={<MessagesPage />} />
        <Route path="my-cases/:id" element={<MyCasePage />} />
        <Route path="progress" element={<CaseProgressPage />} />
        <Route path="apply-bundle/:code" element={<BundleApplyPage />} />
        <Route path="my-bundles/:id" element={<BundleCasePage />} />
        <Route path="bundle-progress" element={<BundleProgressPage />} />
        <Route path="my-ratings" element={<MyRatingsPage />} />
        <Route path="my-data-uses" element={<MyDataUsesPage />} />
        <Route path="rate/:token" element={<RateLinkPage />} />
        <Route path="ratings" element={<PublicRatingsPage />} />
        <Route path="open-data" element={<OpenDataPage />} />
        <Route path="open-data/:code" element={<OpenDatasetPage />} />
        <Route path="hotline" element={<PortalHotlinePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
