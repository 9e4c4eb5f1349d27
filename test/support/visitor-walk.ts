// What the two files of the README's visitor walk (test/browser/visitor-walk*.test.ts) share: the
// demo applicant 陈小云 and her enterprise, the demo staff's sessions, and the moves the staff
// make in the workbench.
import type { Locator, Page } from 'playwright-core';
import { personalData } from '../../src/kernel/pii.ts';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { signIn } from './browserless.ts';
import { navigate, RESULTS } from './browser.ts';
import { CITIZEN_PASSWORD } from './demo.ts';
import type { DemoApplicant } from './demo-items.ts';
import type { TestServer } from './server.ts';

/** 陈小云, for herself (`cookie`) and as the agent of the demo enterprise (`agentCookie`). */
export type Chen = DemoApplicant & { enterpriseId: string; cookie: string; agentCookie: string; regionCode: string };

export async function demoApplicant(server: TestServer): Promise<Chen> {
  const row = (await server.ctx.db.one<{ enc: string; region_code: string }>("select id_number_enc as enc, region_code from person where name = '陈小云'"))!;
  const enterprise = (await server.ctx.db.one<{ id: string; uscc: string }>("select id, uscc from enterprise where name like '%云石科技%'"))!;
  return {
    idNumber: personalData(server.ctx.config.masterKey).decrypt(row.enc),
    regionCode: row.region_code,
    uscc: enterprise.uscc,
    enterpriseId: enterprise.id,
    cookie: await server.login('13800000001', CITIZEN_PASSWORD),
    agentCookie: await signIn(server.url, '13800000001', CITIZEN_PASSWORD, { actAs: enterprise.id }),
  };
}

/** The API sessions of the demo clerk and approver (a sign-in costs a password hash). */
export async function demoStaff(server: TestServer) {
  return { clerk: await server.login('clerk'), approver: await server.login('approver') };
}

/** A published item by its code: its id (for the guide's address) and its content. */
export async function item(server: TestServer, code: string) {
  const id = (await server.ctx.db.one<{ id: string }>('select id from catalog_item where code = $1', [code]))!.id;
  return { id, code, content: (await getPublishedVersion(server.ctx.db, code)).content };
}

export async function itemNamed(server: TestServer, name: string) {
  const code = (await server.ctx.db.one<{ code: string }>('select i.code from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = $1 order by i.code limit 1', [name]))!.code;
  return item(server, code);
}

/**
 * Opens a case from the workbench's 待办 by its number; the drawer shows it. On the 待办 page
 * already, the list is refreshed with its button, as the staff member would.
 */
export async function openCase(page: Page, server: TestServer, number: string): Promise<Locator> {
  if (new URL(page.url()).pathname === '/staff/todo') await page.getByTestId('inbox-refresh').click();
  else await navigate(page, server.url, '/staff/todo');
  await page.getByTestId('cases-inbox').locator('tbody tr', { hasText: number }).first().click();
  const drawer = page.getByTestId('case-drawer');
  await drawer.getByTestId('case-actions').waitFor();
  return drawer;
}

/** Picks `option` (by its text) in an Ant Design multiple select. */
export async function pick(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Types `typed` into the department picker inside `scope` and chooses `option`. */
export async function pickDepartment(page: Page, scope: Locator, typed: string, option: string) {
  await scope.locator('.ant-select', { hasText: '选择部门' }).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

/** Reloads until `what` shows: the outbox worker delivers in the background. */
export async function reloadUntil(page: Page, what: Locator, tries = 20) {
  for (let i = 0; i < tries; i++) {
    if (await what.isVisible()) return;
    await page.waitForTimeout(500);
    await page.reload();
    await what.waitFor({ timeout: 1500 }).catch(() => undefined);
  }
  await what.waitFor({ timeout: 1000 });
}

/** A screenshot of the whole page as test-results/visitor-walk-<name>.png. */
export const walkShot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}/visitor-walk-${name}.png`, fullPage: true });

/**
 * A finished case's issued licence once the outbox worker has produced it in the background, as
 * the applicant (`cookie`) reads it; undefined when it has not come after ten seconds.
 */
export async function issuedLicence(server: TestServer, caseId: string, cookie: string) {
  type Issued = { identifier: string; registered: { name: string; uscc: string } | null; heldBy: { name: string; code: string } | null };
  for (let i = 0; i < 40; i++) {
    const licence: Issued | null = (await server.api(`/api/cases/${caseId}/results`, { cookie })).body.licence ?? null;
    if (licence) return licence;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}
