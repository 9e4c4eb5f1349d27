import * as clock from '../../src/kernel/clock.ts';
import { idNumberCheckChar } from '../../src/kernel/validate/idcard.ts';
import type { TestServer } from './server.ts';

/** A city-level department of the demo city found by (a part of) its name, as an administrator reads it. */
export async function cityDepartment(
  server: TestServer,
  adminCookie: string | undefined,
  name: string,
): Promise<{ id: string; regionCode: string; uscc: string }> {
  const found = await server.api(`/api/org/departments?q=${encodeURIComponent(name)}&pageSize=5`, { cookie: adminCookie });
  return found.body.items.find((d: { regionCode: string }) => d.regionCode === '445300000000');
}

/** A 有条件共享 resource of 市场监管 (食品经营许可信息), the fields given or three of its own. */
export const foodLicenceResource = (providerDepartmentId: string, fields?: Record<string, unknown>[]) => ({
  providerDepartmentId,
  classCode: '204001',
  name: '食品经营许可信息',
  summary: '食品经营许可证的核发、变更和注销信息。',
  format: 'database',
  sharingType: 'conditional',
  sharingCondition: '用于食品安全监管和相关事项办理',
  sharingMethod: 'api',
  openType: 'closed',
  updateCycle: 'daily',
  sourceSystem: '食品经营许可系统',
  fields: fields ?? [
    { key: 'licence_number', name: '许可证编号', type: 'string', length: 20, sharingType: 'conditional' },
    {
      key: 'operator_uscc',
      name: '经营者统一社会信用代码',
      type: 'string',
      length: 18,
      sharingType: 'conditional',
      dataItem: '统一社会信用代码',
    },
    {
      key: 'person_in_charge_id',
      name: '负责人公民身份号码',
      type: 'string',
      length: 18,
      personal: 'id_number',
      sharingType: 'conditional',
    },
  ],
});

/** A department system registered for client credentials, and a bearer header with its own token. */
export async function systemToken(
  server: TestServer,
  adminCookie: string | undefined,
  clientId: string,
  name: string,
): Promise<Record<string, string>> {
  const oidc = await import('openid-client');
  const created = await server.api('/api/identity/clients', {
    method: 'POST',
    cookie: adminCookie,
    body: { clientId, name, redirectUris: [], grantTypes: ['client_credentials'], scopes: [] },
  });
  if (created.status !== 201) throw new Error(`client ${clientId}: ${JSON.stringify(created.body)}`);
  const config = await oidc.discovery(new URL(`${server.url}/oidc`), clientId, created.body.clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const { access_token: token } = await oidc.clientCredentialsGrant(config);
  return { authorization: `Bearer ${token}` };
}

/** A valid ID number of no real person: born in `region`'s county on `birth` (YYYYMMDD), sequence `seq`. */
export function syntheticIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region.slice(0, 6)}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A synthetic person for the population library (常住人口基本信息), in a county's first town by default. */
export const populationRow = (idNumber: string, name: string, householdRegion: string, extra: Record<string, unknown> = {}) => ({
  id_number: idNumber,
  name,
  gender: '女',
  birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
  ethnicity: '汉族',
  household_address: '云浮市测试路1号',
  household_region: householdRegion,
  status: '正常',
  ...extra,
});

/**
 * A demand of `departmentId` for `fields` of a resource, asked by a data officer and approved by
 * an administrator with `scope` (rows, quota, clear fields, bulk …) until the year's end: the grant.
 */
export async function approvedGrant(
  server: TestServer,
  cookies: { dataofficer?: string; admin?: string },
  resourceId: string,
  departmentId: string,
  fields: string[],
  scope: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const asked = await server.api('/api/data/demands', {
    method: 'POST',
    cookie: cookies.dataofficer,
    body: {
      resourceId,
      requesterDepartmentId: departmentId,
      fields,
      purpose: '核验申请人户籍',
      legalBasis: '《行政许可法》第三十一条',
    },
  });
  if (asked.status !== 201) throw new Error(`demand: ${JSON.stringify(asked.body)}`);
  const approved = await server.api(`/api/data/demands/${asked.body.id}/approve`, {
    method: 'POST',
    cookie: cookies.admin,
    body: { version: asked.body.version, fields, validTo: `${clock.today().slice(0, 4)}-12-31`, ...scope },
  });
  if (approved.status !== 200) throw new Error(`approval: ${JSON.stringify(approved.body)}`);
  return approved.body.grant;
}
