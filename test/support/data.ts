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
