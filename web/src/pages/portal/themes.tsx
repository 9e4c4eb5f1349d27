import {
  AccountBookOutlined,
  BuildOutlined,
  BulbOutlined,
  CarOutlined,
  CoffeeOutlined,
  ContactsOutlined,
  GlobalOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SmileOutlined,
  SolutionOutlined,
  StopOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** Service themes of the portal; the service catalogue will fill them later. */
export type Audience = 'personal' | 'enterprise';
export interface Theme {
  id: string;
  audience: Audience;
  icon: ReactNode;
  color: string;
}

export const THEMES: Theme[] = [
  { id: 'birth', audience: 'personal', icon: <SmileOutlined />, color: '#f5729b' },
  { id: 'education', audience: 'personal', icon: <ReadOutlined />, color: '#3b82f6' },
  { id: 'employment', audience: 'personal', icon: <SolutionOutlined />, color: '#0ea5e9' },
  { id: 'marriage', audience: 'personal', icon: <HeartOutlined />, color: '#ef4444' },
  { id: 'pension', audience: 'personal', icon: <CoffeeOutlined />, color: '#f59e0b' },
  { id: 'socialSecurity', audience: 'personal', icon: <SafetyOutlined />, color: '#10b981' },
  { id: 'medical', audience: 'personal', icon: <MedicineBoxOutlined />, color: '#14b8a6' },
  { id: 'housing', audience: 'personal', icon: <HomeOutlined />, color: '#8b5cf6' },
  { id: 'household', audience: 'personal', icon: <ContactsOutlined />, color: '#6366f1' },
  { id: 'transport', audience: 'personal', icon: <CarOutlined />, color: '#64748b' },
  { id: 'startBusiness', audience: 'enterprise', icon: <ShopOutlined />, color: '#1456b8' },
  { id: 'construction', audience: 'enterprise', icon: <BuildOutlined />, color: '#f97316' },
  { id: 'tax', audience: 'enterprise', icon: <AccountBookOutlined />, color: '#dc2626' },
  { id: 'qualification', audience: 'enterprise', icon: <SafetyCertificateOutlined />, color: '#059669' },
  { id: 'labor', audience: 'enterprise', icon: <UsergroupAddOutlined />, color: '#0891b2' },
  { id: 'trade', audience: 'enterprise', icon: <GlobalOutlined />, color: '#7c3aed' },
  { id: 'ip', audience: 'enterprise', icon: <BulbOutlined />, color: '#ca8a04' },
  { id: 'deregistration', audience: 'enterprise', icon: <StopOutlined />, color: '#6b7280' },
];

export const findTheme = (id: string | undefined) => THEMES.find((theme) => theme.id === id);
