import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  LikeOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TabletOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RoleCode } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** The workbench modules to come and the roles that will use them. */
export interface StaffModule {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  roles: RoleCode[];
  /** The module's page once it is built (otherwise a coming-soon placeholder). */
  page?: LazyExoticComponent<ComponentType>;
}

export const STAFF_MODULES: StaffModule[] = [
  {
    path: 'todo',
    label: 'staff.menu.todo',
    icon: <AuditOutlined />,
    roles: ['window_clerk', 'approver', 'department_admin'],
    page: lazy(() => import('../cases/CasesInbox.tsx')),
  },
  {
    path: 'done',
    label: 'staff.menu.done',
    icon: <CheckSquareOutlined />,
    roles: ['window_clerk', 'approver', 'department_admin'],
  },
  {
    path: 'commitment-checks',
    label: 'casesWorkflow.menu.checks',
    icon: <FileProtectOutlined />,
    roles: ['approver', 'department_admin'],
    page: lazy(() => import('../cases/workflow/CommitmentChecksPage.tsx')),
  },
  {
    path: 'supervision',
    label: 'casesWorkflow.menu.supervision',
    icon: <AlertOutlined />,
    roles: ['leader', 'department_admin'],
    page: lazy(() => import('../cases/workflow/SupervisionPage.tsx')),
  },
  {
    path: 'case-stats',
    label: 'casesStats.menu',
    icon: <BarChartOutlined />,
    roles: ['department_admin', 'approver', 'leader'],
    page: lazy(() => import('../cases/stats/CaseStatsPage.tsx')),
  },
  {
    path: 'window',
    label: 'casesWindow.menu',
    icon: <FormOutlined />,
    roles: ['window_clerk', 'approver'],
    page: lazy(() => import('../cases/window/WindowApplicationPage.tsx')),
  },
  {
    path: 'identity-checks',
    label: 'identityWindow.menu',
    icon: <SolutionOutlined />,
    roles: ['window_clerk'],
    page: lazy(() => import('../identity/window/WindowIdentityPage.tsx')),
  },
  {
    path: 'ratings',
    label: 'ratings.menu.staff',
    icon: <LikeOutlined />,
    roles: ['department_admin', 'approver', 'leader', 'data_officer'],
    page: lazy(() => import('../ratings/RatingsWorkbench.tsx')),
  },
  {
    path: 'rating-pad',
    label: 'ratings.menu.pad',
    icon: <TabletOutlined />,
    roles: ['window_clerk'],
    page: lazy(() => import('../ratings/PadPage.tsx')),
  },
  {
    path: 'hotline-rating',
    label: 'ratings.menu.hotline',
    icon: <LikeOutlined />,
    roles: ['hotline_agent'],
    page: lazy(() => import('../ratings/HotlineRatingPage.tsx')),
  },
  {
    path: 'hotline',
    label: 'hotline.menu',
    icon: <PhoneOutlined />,
    // the centre's agents register and dispatch; the departments' staff take what is sent to them
    roles: ['hotline_agent', 'window_clerk', 'approver', 'department_admin'],
    page: lazy(() => import('../hotline/HotlinePage.tsx')),
  },
  {
    path: 'hotline/reports',
    label: 'hotlineReports.menu',
    icon: <FundOutlined />,
    // the centre and leaders watch the figures; departments see their own row through the API
    roles: ['hotline_agent', 'leader'],
    page: lazy(() => import('../hotline/reports/HotlineReportsPage.tsx')),
  },
  {
    path: 'hotline/knowledge',
    label: 'hotlineKnowledge.menu',
    icon: <BookOutlined />,
    // departments maintain their own articles; the centre reads them and proposes drafts
    roles: ['hotline_agent', 'window_clerk', 'approver', 'department_admin'],
    page: lazy(() => import('../hotline/KnowledgePage.tsx')),
  },
  { path: 'incidents', label: 'staff.menu.incidents', icon: <SafetyCertificateOutlined />, roles: ['grid_worker'] },
  {
    path: 'data',
    label: 'staff.menu.data',
    icon: <DatabaseOutlined />,
    roles: ['data_officer', 'department_admin', 'leader'],
    page: lazy(() => import('../data/DataPage.tsx')),
  },
  {
    path: 'licence-types',
    label: 'licenseTypes.menu',
    icon: <IdcardOutlined />,
    roles: ['data_officer'],
    page: lazy(() => import('../license/types/LicenceTypesPage.tsx')),
  },
  {
    path: 'payments',
    label: 'payment.staff.menu',
    icon: <AccountBookOutlined />,
    roles: ['window_clerk', 'approver', 'department_admin', 'leader', 'finance_officer'],
    page: lazy(() => import('../payment/PaymentsWorkbench.tsx')),
  },
  {
    path: 'licences',
    label: 'license.staff.menu',
    icon: <IdcardOutlined />,
    roles: ['window_clerk', 'approver', 'department_admin'],
    page: lazy(() => import('../license/LicencesWorkbench.tsx')),
  },
];

/** Modules for these roles; an administrator sees them all. */
export function modulesFor(roles: RoleCode[]): StaffModule[] {
  if (roles.includes('administrator')) return STAFF_MODULES;
  const mine = STAFF_MODULES.filter((m) => m.roles.some((r) => roles.includes(r)));
  return mine.length ? mine : STAFF_MODULES.slice(0, 2);
}
