import type { Config } from './kernel/config.ts';
import { createContext } from './kernel/bootstrap.ts';
import type { AppContext } from './kernel/context.ts';
import { startWorkerLoop, type WorkerLoop } from './kernel/events/worker.ts';
import { buildApp } from './kernel/http/app.ts';
import type { HttpApp } from './kernel/module.ts';
import { CITY_SETTING, getSetting, putSetting, type CitySetting } from './kernel/settings.ts';
import { MODULES } from './modules/index.ts';
import { purgeExpiredOidcPayloads, purgeExpiredSessions } from './modules/identity/index.ts';
import { reportMissingCalendarYear } from './modules/platform/index.ts';
import { seedCity, type DemoAccount, type SeedSummary } from './seed/demo-city.ts';
import { seedModuleDemos } from './seed/module-demos.ts';
import { moduleHandlers } from './kernel/events/subscription.ts';

export interface RunningServer {
  app: HttpApp;
  ctx: AppContext;
  url: string;
  seeded?: SeedSummary;
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

export const DEMO_ACCOUNTS_SETTING = 'demo_accounts';

/** Load the demo city when the database holds no city yet (first start of `npm start`). */
async function ensureCity(ctx: AppContext): Promise<SeedSummary | undefined> {
  if (!ctx.config.demoCity || (await getSetting<CitySetting>(ctx.db, CITY_SETTING))) return undefined;
  const summary = await seedCity(ctx.db, ctx.config.masterKey, ctx.config.demoCity);
  await seedModuleDemos(ctx, summary.city.code);
  await putSetting(ctx.db, DEMO_ACCOUNTS_SETTING, summary.accounts);
  ctx.log.info({ city: summary.city, departments: summary.departments, regions: summary.regions }, 'demo city loaded');
  return summary;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const ctx = await createContext(config, MODULES);
  const seeded = await ensureCity(ctx);
  const app = await buildApp(ctx, MODULES);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  const handlers = moduleHandlers(MODULES, ctx);
  const workers: WorkerLoop | undefined = config.workers
    ? startWorkerLoop(ctx.db, handlers, { onError: (event, err) => ctx.log.error({ err, event: event.id, topic: event.topic }, 'event failed') })
    : undefined;
  // From 1 November, node administrators are told once that next year's calendar is missing; the
  // instances that run workers check at start and hourly (claimMissingYearReport keeps it once).
  const calendarCheck = () => {
    if (!config.workers) return;
    reportMissingCalendarYear(ctx)
      .then((r) => r.reported && ctx.log.warn({ year: r.nextYear, recipients: r.recipients }, 'next year\'s working-day calendar is not confirmed; administrators told'))
      .catch((err) => ctx.log.warn({ err }, 'checking next year\'s calendar failed'));
  };
  calendarCheck();
  const housekeeping = setInterval(() => {
    Promise.all([purgeExpiredSessions(ctx.db), purgeExpiredOidcPayloads(ctx.db)]).catch((err) =>
      ctx.log.warn({ err }, 'purging expired sessions failed'),
    );
    calendarCheck();
  }, 3600_000);
  housekeeping.unref();

  return {
    app,
    ctx,
    url,
    seeded,
    demoAccounts: (await getSetting<DemoAccount[]>(ctx.db, DEMO_ACCOUNTS_SETTING)) ?? [],
    async close() {
      clearInterval(housekeeping);
      await workers?.stop();
      await app.close();
      await ctx.db.close();
    },
  };
}
