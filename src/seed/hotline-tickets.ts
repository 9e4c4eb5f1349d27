import { readFileSync } from 'node:fs';
import type { StaffActor } from '../kernel/actor.ts';
import type { AppContext } from '../kernel/context.ts';
import {
  acceptTicket,
  answerTicket,
  completeTicket,
  createTicket,
  dispatchTicket,
  KINDS,
  type Kind,
  type Ticket,
} from '../modules/hotline/index.ts';
import { childRegions } from '../modules/org/index.ts';
import { seedAdministrator } from './actor.ts';
import type { SeededArticle } from './hotline-knowledge.ts';
import { personName, pick, rng } from './random.ts';

/** Demo requests by category: the kinds they come as and texts with a {place}. */
const TICKETS = new URL('./hotline/tickets.json', import.meta.url);
const COUNT = 60;

/**
 * A day of calls to the demo city's 12345, through the hotline's own services as the centre and
 * the departments work them: synthetic callers (no real persons), every county and town, each
 * request filed under its category; most dispatched to the department the 派单目录 suggests, some
 * taken (签收) and some finished with a reply, a few left waiting — so the agent's workbench and
 * the departments' inboxes show something on first start.
 */
export async function seedHotlineTickets(ctx: AppContext, cityCode: string, articles: SeededArticle[] = []): Promise<void> {
  const templates = JSON.parse(readFileSync(TICKETS, 'utf8')) as { category: string; kinds: Kind[]; texts: string[] }[];
  const centre = seedAdministrator(cityCode);
  const places = [];
  for (const county of await childRegions(ctx.db, cityCode)) {
    for (const town of await childRegions(ctx.db, county.code))
      places.push({ code: town.code, name: `${county.name}${town.name}` });
    places.push({ code: county.code, name: county.name });
  }
  if (!places.length) return;
  // matters of the city as a whole (its own departments: 市场监管局, 人社局 …) as often as any county's
  const city = { code: cityCode, name: '市区' };
  places.push(...Array.from({ length: Math.ceil(places.length / 4) }, () => city));
  const r = rng(12345);
  for (let i = 0; i < COUNT; i++) {
    const t = pick(r, templates);
    const place = pick(r, places);
    const kind = pick(
      r,
      t.kinds.filter((k) => KINDS.includes(k)),
    );
    const { ticket } = await createTicket(
      ctx,
      centre,
      {
        kind,
        categoryCode: t.category,
        content: pick(r, t.texts).replaceAll('{place}', place.name),
        place: { regionCode: place.code, address: place.name },
        caller: { name: personName(r), phone: `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}` },
        anonymous: kind === 'report' && r() < 0.5,
      },
      'phone',
    );
    const fate = r();
    if (fate < 0.15 && kind === 'consultation') {
      // 直接答复 from the knowledge base's article on the category when there is one
      const article = articles.find((a) => a.categoryCodes.includes(t.category));
      await answerTicket(ctx, centre, ticket.id, {
        version: ticket.version,
        reply: article?.answer ?? '已根据办事指南当场答复来电人。',
        ...(article ? { articleId: article.id } : {}),
      });
      continue;
    }
    if (fate < 0.15 || !ticket.suggestion) continue; // waiting for the centre
    let at: Ticket = await dispatchTicket(ctx, centre, ticket.id, {
      version: ticket.version,
      departmentId: ticket.suggestion.department.id,
    });
    if (fate < 0.35) continue; // waiting for 签收
    const department = departmentStaff(at, cityCode);
    at = await acceptTicket(ctx, department, at.id, at.version);
    if (fate < 0.65) continue; // being handled
    await completeTicket(ctx, department, at.id, {
      version: at.version,
      reply: '已联系来电人并核实情况，相关问题已按规定处理，结果已告知来电人。',
    });
  }
}

/** The department's handler as the seed acts for it (no account's id: nobody signs in as it). */
function departmentStaff(t: Ticket, cityCode: string): StaffActor {
  const departmentId = t.department!.id;
  return {
    ...seedAdministrator(cityCode),
    departmentId,
    departmentName: t.department!.name,
    roles: [{ role: 'department_admin', regionCode: cityCode, departmentId }],
  };
}
