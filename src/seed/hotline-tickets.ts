import { readFileSync } from 'node:fs';
import { systemActor, type StaffActor } from '../kernel/actor.ts';
import type { AppContext } from '../kernel/context.ts';
import {
  acceptTicket,
  answerTicket,
  approveExtension,
  callbackTicket,
  completeTicket,
  createTicket,
  dispatchTicket,
  HOTLINE_SMS_NUMBER,
  KINDS,
  mergeTicket,
  reopenTicket,
  requestExtension,
  superviseTicket,
  type CallbackResult,
  type Kind,
  type Ticket,
} from '../modules/hotline/index.ts';
import { childRegions } from '../modules/org/index.ts';
import { seedAdministrator } from './actor.ts';
import type { SeededArticle } from './hotline-knowledge.ts';
import { personName, pick, rng } from './random.ts';

/** Demo requests by category: the kinds they come as and texts with a {place}; `burst`: that many calls at once from one town. */
const TICKETS = new URL('./hotline/tickets.json', import.meta.url);
type Template = { category: string; kinds: Kind[]; texts: string[]; burst?: number };
const COUNT = 60;

/**
 * A day of calls to the demo city's 12345, through the hotline's own services as the centre and
 * the departments work them: synthetic callers (no real persons), every county and town, each
 * request filed under its category; most dispatched to the department the 派单目录 suggests, some
 * taken (签收) and some finished with a reply, a few left waiting, two called in again and merged,
 * three texts to 12345 — so the agent's workbench and the departments' inboxes show something on
 * first start.
 */
export async function seedHotlineTickets(ctx: AppContext, cityCode: string, articles: SeededArticle[] = []): Promise<void> {
  const templates = JSON.parse(readFileSync(TICKETS, 'utf8')) as Template[];
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
  // tickets left open, for a second caller about the same matter (merged below)
  const open: { ticket: Ticket; input: Parameters<typeof createTicket>[2] }[] = [];
  // counters, not the random sequence: the day's tickets stay what they were
  let handled = 0;
  let finished = 0;
  for (let i = 0; i < COUNT; i++) {
    const t = pick(r, templates);
    const place = pick(r, places);
    const kind = pick(
      r,
      t.kinds.filter((k) => KINDS.includes(k)),
    );
    const input = {
      kind,
      categoryCode: t.category,
      content: pick(r, t.texts).replaceAll('{place}', place.name),
      place: { regionCode: place.code, address: place.name },
      caller: { name: personName(r), phone: callerPhone(r) },
      anonymous: kind === 'report' && r() < 0.5,
    };
    const { ticket } = await createTicket(ctx, centre, input, 'phone');
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
    if (fate < 0.15 || !ticket.suggestion?.department) continue; // waiting for the centre
    let at: Ticket = await dispatchTicket(ctx, centre, ticket.id, {
      version: ticket.version,
      departmentId: ticket.suggestion.department.id,
    });
    if (fate < 0.35) {
      open.push({ ticket: at, input });
      continue; // waiting for 签收
    }
    const department = departmentStaff(at, cityCode);
    at = await acceptTicket(ctx, department, at.id, { version: at.version });
    if (fate < 0.65) {
      // being handled; every third asks for 延期, every other request approved
      if (handled++ % 3 === 0) await extend(ctx, centre, department, at, handled % 2 === 0);
      continue;
    }
    at = await completeTicket(ctx, department, at.id, {
      version: at.version,
      reply: '已联系来电人并核实情况，相关问题已按规定处理，结果已告知来电人。',
    });
    await followUp(ctx, centre, at, finished++);
  }
  await seedIntake(ctx, centre, open, r);
  // the places list towns first: the burst comes from the first county's first town
  for (const t of templates.filter((x) => x.burst)) await seedBurst(ctx, centre, t, places[0]!, r);
}

type Place = { code: string; name: string };

/** One call to the centre: a synthetic caller, the template's text at the place, taken by phone. */
async function call(
  ctx: AppContext,
  centre: StaffActor,
  r: () => number,
  t: Template,
  kind: Kind,
  place: Place,
): Promise<Ticket> {
  const { ticket } = await createTicket(
    ctx,
    centre,
    {
      kind,
      categoryCode: t.category,
      content: pick(r, t.texts).replaceAll('{place}', place.name),
      place: { regionCode: place.code, address: place.name },
      caller: { name: personName(r), phone: callerPhone(r) },
      anonymous: kind === 'report' && r() < 0.5,
    },
    'phone',
  );
  return ticket;
}

/**
 * A burst (热点): a template with `burst` is called in that many times from one town within the
 * same minute or two — construction noise at night, the classic cluster — so the centre's first
 * look at the hot issues (the default threshold is 30 an hour) has one. Dispatched together to
 * the department the 派单目录 names, as the centre would.
 */
async function seedBurst(ctx: AppContext, centre: StaffActor, t: Template, place: Place, r: () => number) {
  for (let n = 0; n < (t.burst ?? 0); n++) {
    const ticket = await call(ctx, centre, r, t, t.kinds[0]!, place);
    if (ticket.suggestion?.department)
      await dispatchTicket(ctx, centre, ticket.id, { version: ticket.version, departmentId: ticket.suggestion.department.id });
  }
}

/**
 * The same matter called in again by another caller, merged into the open ticket (合并); and a
 * few texts to 12345's SMS number, left for the centre to classify.
 */
async function seedIntake(
  ctx: AppContext,
  centre: StaffActor,
  open: { ticket: Ticket; input: Parameters<typeof createTicket>[2] }[],
  r: () => number,
) {
  for (const { ticket, input } of open.slice(0, MERGED)) {
    const again = await createTicket(ctx, centre, { ...input, caller: { name: personName(r), phone: callerPhone(r) } }, 'phone');
    await mergeTicket(ctx, centre, again.ticket.id, { version: again.ticket.version, intoId: ticket.id });
  }
  for (const text of SMS_TEXTS)
    await createTicket(
      ctx,
      systemActor(`sms:${HOTLINE_SMS_NUMBER}`),
      { kind: 'help', categoryCode: null, content: text, caller: { phone: callerPhone(r) } },
      'sms',
    );
}
const MERGED = 2;
const SMS_TEXTS = [
  '你好，我家小区楼下的路灯坏了一个多星期，晚上很黑，麻烦安排维修。',
  '请问新生儿医保参保要去哪里办？需要带什么材料？',
  '工地晚上十一点后还在施工，噪音很大，影响休息。',
];
const callerPhone = (r: () => number) => `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;

async function extend(ctx: AppContext, centre: StaffActor, department: StaffActor, t: Ticket, approve: boolean) {
  const asked = await requestExtension(ctx, department, t.id, {
    version: t.version,
    days: 3,
    reason: '需会同街道现场核查，并等待相关检测结果。',
  });
  if (approve) await approveExtension(ctx, centre, t.id, { version: asked.version, note: '同意延期3个工作日，请按期办结。' });
}

/** What the centre does after 办结: 回访 with each result in turn (every fourth not yet called back); 不满意 reopened or supervised. */
const RESULTS: (CallbackResult | null)[] = ['satisfied', 'basic', 'unsatisfied', null];
async function followUp(ctx: AppContext, centre: StaffActor, t: Ticket, n: number) {
  const result = RESULTS[n % RESULTS.length];
  if (!result) return; // on the 回访 list
  const called = await callbackTicket(ctx, centre, t.id, {
    version: t.version,
    result,
    note: result === 'unsatisfied' ? '来电人表示问题仍未解决。' : '来电人认可处理结果。',
  });
  if (result !== 'unsatisfied') return;
  if (n % 8 === 2)
    await reopenTicket(ctx, centre, t.id, {
      version: called.version,
      reason: '回访不满意：来电人反映问题仍未解决，请重新核实处理。',
    });
  else await superviseTicket(ctx, centre, t.id, { version: called.version, note: '来电人不满意，请重新核实并回复督办。' });
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
