import { parseArgs } from 'node:util';
import type { AppContext } from './kernel/context.ts';
import { AppError } from './kernel/errors.ts';
import { t } from './kernel/i18n/index.ts';
import type { ClientRegistration } from './modules/identity/index.ts';

// Each command imports what it uses when it runs: loading the whole platform takes about 1.5 s
// of CPU, which a mistyped command, or a refusal that needs no database, should not cost (and
// the suite runs the command line some twenty times per database).

const USAGE = `yiwang — 一网 digital government platform

Usage:
  yiwang serve                     start the API, the web app and the workers (PORT, DATABASE_URL)
  yiwang migrate                   bring the database schema up to date
  yiwang seed --city <code>        set up a city (default 445300 云浮) with demo data
  yiwang audit verify              check the hash chain of the audit log
  yiwang audit rekey               key a chain written before the chain was keyed (once, after upgrading)
  yiwang calendar import <year>    load holidays and make-up working days of a year
  yiwang client add <id> --name <name> [--redirect <uri>]… [--grant <type>]… [--scope "<scopes>"] [--level 1|2|3]
                                   register a department system with the OpenID Provider; prints its secret once
`;

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const [{ createContext }, { loadConfig }, { MODULES }] = await Promise.all([
    import('./kernel/bootstrap.ts'),
    import('./kernel/config.ts'),
    import('./modules/index.ts'),
  ]);
  const ctx = await createContext(loadConfig(), MODULES);
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      city: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      redirect: { type: 'string', multiple: true },
      grant: { type: 'string', multiple: true },
      scope: { type: 'string' },
      level: { type: 'string' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case 'serve': {
      const [{ startServer }, { loadConfig }] = await Promise.all([import('./server.ts'), import('./kernel/config.ts')]);
      const server = await startServer(loadConfig());
      printWelcome(server.url, server.demoAccounts, server.seeded !== undefined);
      const shutdown = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1; // keep running
    }
    case 'migrate':
      await withContext(async () => console.log('schema up to date'));
      return 0;
    case 'seed': {
      const [{ seedableCity }, { loadConfig }] = await Promise.all([import('./seed/seedable-city.ts'), import('./kernel/config.ts')]);
      const city = seedableCity(values.city ?? loadConfig().demoCity ?? '445300').code;
      const [{ seedCity }, { seedModuleDemos }, { putSetting }, { DEMO_ACCOUNTS_SETTING }] = await Promise.all([
        import('./seed/demo-city.ts'),
        import('./seed/module-demos.ts'),
        import('./kernel/settings.ts'),
        import('./server.ts'),
      ]);
      return withContext(async (ctx) => {
        const summary = await seedCity(ctx.db, ctx.config.masterKey, city);
        await seedModuleDemos(ctx, summary.city.code);
        await putSetting(ctx.db, DEMO_ACCOUNTS_SETTING, summary.accounts);
        console.log(
          `${summary.city.name} (${summary.city.code}): ${summary.regions} regions, ${summary.departments} departments, ` +
            `${summary.halls} halls, ${summary.windows} windows, ${summary.kiosks} kiosks, ${summary.calendarDays} calendar days`,
        );
        printAccounts(summary.accounts);
        return 0;
      });
    }
    case 'audit':
      if (sub === 'verify') {
        const { verifyAudit } = await import('./kernel/audit/audit.ts');
        return withContext(async (ctx) => {
          const result = await verifyAudit(ctx.db);
          for (const p of result.problems) console.log(`audit entry ${p.seq}: ${p.problem}`);
          if (result.ok) console.log(`audit log intact: ${result.checked} entries`);
          else if (result.problems.every((p) => p.problem === 'UNKEYED')) {
            console.log(`audit log intact but not keyed: ${result.problems.length} entries; run \`yiwang audit rekey\` once`);
          } else console.log(`audit log TAMPERED: ${result.problems.length} problem(s)`);
          return result.ok ? 0 : 2;
        });
      }
      if (sub === 'rekey') {
        const [{ rekeyAudit }, { systemActor }] = await Promise.all([import('./kernel/audit/audit.ts'), import('./kernel/actor.ts')]);
        return withContext(async (ctx) => {
          const result = await rekeyAudit(ctx.db, systemActor('cli'));
          for (const p of result.problems) console.log(`audit entry ${p.seq}: ${p.problem}`);
          console.log(result.problems.length ? `audit log TAMPERED: nothing rekeyed` : `audit log keyed: ${result.rekeyed} entries rewritten`);
          return result.problems.length ? 2 : 0;
        });
      }
      break;
    case 'client': {
      const clientId = positionals[2];
      if (sub !== 'add' || !clientId || !values.name) break;
      const [{ checkClientRegistration, registerClient }, { systemActor }] = await Promise.all([
        import('./modules/identity/index.ts'),
        import('./kernel/actor.ts'),
      ]);
      const registration = clientFromArgs(clientId, values.name, values);
      // refused before the database is opened; the service checks again, and audits
      checkClientRegistration(registration);
      return withContext(async (ctx) => {
        // the operator on the server acts as the platform
        const { clientSecret } = await registerClient(ctx, systemActor('cli'), registration);
        console.log(`client ${clientId} registered; its secret (shown once, store it in the system's configuration):\n${clientSecret}`);
        return 0;
      });
    }
    case 'calendar': {
      const year = Number(positionals[2]);
      if (sub !== 'import' || !Number.isInteger(year)) break;
      const [{ importCalendarPackageYear }, { systemActor }] = await Promise.all([import('./modules/platform/index.ts'), import('./kernel/actor.ts')]);
      return withContext(async (ctx) => {
        // through the platform's service: audited, and cases recompute deadlines that were provisional
        const result = await importCalendarPackageYear(ctx, systemActor('cli'), year);
        console.log(
          result.covered
            ? `${year}: ${result.holidays} holidays and ${result.workdays} make-up working days imported`
            : `${year}: the holiday package has no data for this year yet; enter the State Council's notice in the admin calendar`,
        );
        return result.covered ? 0 : 3;
      });
    }
  }
  process.stderr.write(USAGE);
  return 1;
}

/**
 * `client add` options as the registration the admin page sends. Defaults: a system that signs
 * users in (code + refresh) with the usual scopes; the service judges whatever was typed.
 */
function clientFromArgs(
  clientId: string,
  name: string,
  args: { redirect?: string[]; grant?: string[]; scope?: string; level?: string },
): ClientRegistration {
  const grantTypes = args.grant ?? ['authorization_code', 'refresh_token'];
  const scope = args.scope ?? (grantTypes.includes('authorization_code') ? 'openid profile yiwang' : '');
  return {
    clientId,
    name,
    redirectUris: args.redirect ?? [],
    grantTypes: grantTypes as ClientRegistration['grantTypes'],
    scopes: scope.split(/\s+/).filter(Boolean) as ClientRegistration['scopes'],
    ...(args.level === undefined ? {} : { minAssuranceLevel: Number(args.level) as ClientRegistration['minAssuranceLevel'] }),
  };
}

function printAccounts(accounts: { username: string; password: string; role: string; scope: string }[]) {
  if (!accounts.length) return;
  console.log('\nDemo accounts (synthetic data only):');
  for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.password.padEnd(24)} ${a.role} @ ${a.scope}`);
  console.log('  citizens: 13800000001 (陈小云, agent of the demo enterprise) / 13800000002 (李浮生, its legal representative) /');
  console.log('            13800000003, password Yiwang@2026citizen, or an SMS code');
  console.log('  administrators enrol an authenticator app (TOTP) at their first sign-in');
  console.log('  SMS inbox (no carrier connected on the embedded database): /dev/sms, from this machine or as the city administrator');
}

function printWelcome(url: string, accounts: { username: string; password: string; role: string; scope: string }[], fresh: boolean) {
  console.log(`\nYiWang is running at ${url}`);
  console.log(`  portal ${url}/   workbench ${url}/staff   admin ${url}/admin   cockpit ${url}/cockpit   API docs ${url}/api/docs`);
  if (fresh) console.log('  (demo city loaded into the empty database)');
  printAccounts(accounts);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof AppError) {
      console.error(`${err.code}: ${t('zh-CN', `error.${err.code}`, err.params)}`);
      process.exit(1);
    }
    // Operator mistakes get one clear line; anything else the full error for a bug report.
    const operatorMistake = Promise.all([import('./kernel/db/pglite.ts'), import('./kernel/migrate.ts')]).then(
      ([{ DatabaseInUseError }, { MigrationChecksumError }]) => err instanceof DatabaseInUseError || err instanceof MigrationChecksumError,
    );
    void operatorMistake.then((clear) => {
      console.error(clear ? err.message : err);
      process.exit(1);
    });
  },
);
