// 免填报 / 免提交 from the demo city's base libraries, as the tests of every channel (online,
// window, 一件事) meet them: the items that use the libraries, the demo citizens the libraries hold,
// a library forgetting one of them, and what a citizen's data-use ledger (我的数据使用记录) shows.
import { personalData } from '../../src/kernel/pii.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import type { TestServer } from './server.ts';

/** 80周岁以上老年人高龄津贴申领 (云城区民政局): 户籍地址 from 常住人口基本信息 (`population.household_address`). */
export const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
/** 城乡居民基本养老保险参保登记 (人社局): 户籍地址 from the same library. */
export const PENSION_ENROLMENT = '000K1010000000-445300000000-000-11445300530000104M-1-00';
/** 企业职工基本养老保险待遇申领 (人社局): m2 参保缴费记录 replaced by 社会保险参保信息 (免提交). */
export const RETIREMENT = '000K1011000000-445300000000-000-11445300530000104M-1-00';

export const POPULATION = '常住人口基本信息';
export const SOCIAL_INSURANCE = '社会保险参保信息';
/** What a field filled from the population library says of its source. */
export const HOUSEHOLD_ADDRESS_SOURCE = { resourceName: POPULATION, providerName: '云浮市公安局', fieldName: '户籍地址' };

/** The demo citizens 陈小云 (13800000001) and 李浮生 (13800000002): every library holds both until told to forget one. */
export const CHEN_ID = demoIdNumber('445302000000', '19900315', 0);
export const LI_ID = demoIdNumber('445302000000', '19851102', 1);

/** The library no longer holds the person (their record deleted, found by the blind index of the ID number). */
export async function forgetInLibrary(server: TestServer, resourceName: string, idNumber: string): Promise<void> {
  const pii = personalData(server.ctx.config.masterKey);
  await server.ctx.db.query(
    `delete from data_record where key_index = $1 and resource_id = (select id from data_resource where name = $2)`,
    [pii.index(idNumber), resourceName],
  );
}

export interface LedgerEntry {
  kind: string;
  departmentName: string;
  system: string | null;
  resourceName: string;
  fields: string[];
  purpose: string | null;
  legalBasis: string | null;
}

/** The signed-in citizen's own ledger entries of one kind (`prefill`: 免填报, `material`: 免提交), newest first. */
export async function ledger(server: TestServer, cookie: string, kind: 'prefill' | 'material'): Promise<LedgerEntry[]> {
  const res = await server.api(`/api/my/data-uses?kind=${kind}&pageSize=100`, { cookie });
  if (res.status !== 200) throw new Error(`ledger: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}
