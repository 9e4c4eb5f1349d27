/** Shapes of the YiWang API as the web app uses them. */

// The role list is the server's own; the web app imports it rather than keeping a copy.
export type { Role as RoleCode } from '../../../src/kernel/actor.ts';
import type { Role as RoleCode } from '../../../src/kernel/actor.ts';
import type { ActingFor } from './identity.ts';

export interface RoleGrant {
  role: RoleCode;
  regionCode: string;
  departmentId: string | null;
}

export interface User {
  id: string;
  kind: 'staff' | 'person';
  username: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  regionCode: string;
  roles: RoleGrant[];
  /** The enterprise a person acts for in this session (代企业办理); null when for themself. */
  actingFor?: ActingFor | null;
}

export interface PublicConfig {
  city: { code: string; name: string };
  languages: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListQuery {
  q?: string;
  regionCode?: string;
  page?: number;
  pageSize?: number;
  [filter: string]: string | number | undefined;
}

export interface CodeName {
  code: string;
  name: string;
}

export type RegionLevel = 1 | 2 | 3 | 4 | 5;
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Every editable organisation record carries an id and a version for optimistic concurrency. */
export interface Versioned {
  id: string;
  version: number;
}

export interface Department extends Versioned {
  code: string;
  name: string;
  shortName: string;
  uscc: string;
  parentId: string | null;
  regionCode: string;
  regionName: string;
  sector: string;
  createdAt: string;
  updatedAt: string;
}

export interface Hall extends Versioned {
  name: string;
  regionCode: string;
  regionName: string;
  address: string;
  departmentId: string | null;
  phone: string;
  openingHours: string;
  /** WGS-84 degrees; null when not recorded. */
  latitude: number | null;
  longitude: number | null;
}

export interface ServiceWindow extends Versioned {
  hallId: string;
  hallName: string;
  number: string;
  name: string;
  isGeneral: boolean;
  departmentId: string | null;
  departmentName: string | null;
  regionCode: string;
}

export interface Kiosk extends Versioned {
  code: string;
  name: string;
  location: string;
  regionCode: string;
  regionName: string;
  hallId: string | null;
}

export interface Staff extends Versioned {
  username: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  regionCode: string;
  /** Masked by the server, e.g. 138****0000. */
  phone: string | null;
  status: 'active' | 'disabled';
  roles: RoleGrant[];
}

export interface OrgStats {
  totals: { departments: number; halls: number; windows: number; kiosks: number; staff: number };
  byCounty: Array<{
    regionCode: string;
    regionName: string;
    departments: number;
    halls: number;
    windows: number;
    kiosks: number;
  }>;
}

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: 'package' | 'admin';
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}
