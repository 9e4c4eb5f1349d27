// A person's licence with a personal field, issued by 市场监督管理局 under a licence seal of its
// own: what the verification-package tests (integration and browser) present and check.
import assert from 'node:assert/strict';
import { DEV_MASTER_KEY } from '../../src/kernel/config.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { personView } from '../../src/modules/identity/index.ts';
import { CITIZEN_PASSWORD } from './demo.ts';
import type { TestServer } from './server.ts';

/** Every field of the licence below: a presentation of all of them shows the whole document. */
export const EVERY_FIELD = ['holderName', 'holderCode', 'category', 'birthDate'];

export interface PersonLicence {
  licence: { id: string; identifier: string; version: number };
  cookies: { admin: string; approver: string; citizen: string };
}

/** The person's licence type of these tests: 特种设备安全管理和作业人员证, with a personal field. */
export const personLicenceType = (departmentId: string, sequence: string) => ({
  definingDepartmentId: departmentId,
  sequence,
  holderKind: 'person',
  name: '特种设备安全管理和作业人员证',
  issuingDepartmentIds: [departmentId],
  fields: [
    { key: 'category', label: '作业项目', type: 'text', required: true, personal: false },
    { key: 'birthDate', label: '出生日期', type: 'date', required: false, personal: true },
  ],
  validity: { years: 4 },
});

/** Issuing that type to a person: the body of POST /api/licences. */
export const personLicenceBody = (typeId: string, departmentId: string, holder: { id: string; name: string }, idNumber: string) => ({
  typeId,
  departmentId,
  holder: { kind: 'person', personId: holder.id, name: holder.name, code: idNumber },
  fields: { category: '叉车司机 N1', birthDate: '1990-03-15' },
});

/**
 * The demo citizen's licences of a new type (`sequence`), `count` of them, alike but for their
 * numbers, issued by 市场监督管理局 under a licence seal of its own.
 */
export async function issuePersonLicences(server: TestServer, sequence: string, count: number): Promise<PersonLicence[]> {
  const api = server.api;
  const cookies = { admin: await server.login('admin'), approver: await server.login('approver'), citizen: await server.login('13800000001', CITIZEN_PASSWORD) };
  const citizen = (await api('/api/auth/me', { cookie: cookies.citizen })).body.user;
  const idNumber = (await personView(server.ctx.db, personalData(DEV_MASTER_KEY), citizen.id, true))!.idNumber;
  const scjgj = (await api(`/api/org/departments?q=${encodeURIComponent('云浮市市场监督管理局')}`, { cookie: cookies.admin })).body.items[0];
  const seal = await api('/api/seals', { method: 'POST', body: { departmentId: scjgj.id, kind: 'licence' }, cookie: cookies.admin });
  assert.equal(seal.status, 201, JSON.stringify(seal.body));
  const type = await api('/api/licence-types', { method: 'POST', cookie: cookies.admin, body: personLicenceType(scjgj.id, sequence) });
  assert.equal(type.status, 201, JSON.stringify(type.body));
  const issued: PersonLicence[] = [];
  for (let i = 0; i < count; i++) {
    const res = await api('/api/licences', { method: 'POST', cookie: cookies.approver, body: personLicenceBody(type.body.id, scjgj.id, citizen, idNumber) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    issued.push({ licence: res.body, cookies });
  }
  return issued;
}

export const issuePersonLicence = async (server: TestServer, sequence: string): Promise<PersonLicence> => (await issuePersonLicences(server, sequence, 1))[0]!;

/** The holder (signed in as `cookie`) shows licence `licenceId`: a presentation token as the QR carries it. */
export async function presentAs(server: TestServer, cookie: string, licenceId: string, fields: string[], extra: Record<string, unknown> = {}) {
  const res = await server.api(`/api/wallet/licences/${licenceId}/presentations`, { method: 'POST', cookie, body: { fields, ...extra } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { token: string; url: string; qrSvg: string };
}

/** The holder shows the licence: a presentation token as the QR carries it. */
export const presentLicence = (server: TestServer, p: PersonLicence, fields: string[], extra: Record<string, unknown> = {}) =>
  presentAs(server, p.cookies.citizen, p.licence.id, fields, extra);
