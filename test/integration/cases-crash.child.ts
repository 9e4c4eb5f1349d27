// Child process for cases-crash.test.ts: does one piece of work on the shared PostgreSQL
// database and stops where the parent will kill it (SIGKILL), printing where it stands.
import type { Actor } from '../../src/kernel/actor.ts';
import { createContext } from '../../src/kernel/bootstrap.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { handlerMap } from '../../src/kernel/events/subscription.ts';
import { processDueEvents } from '../../src/kernel/events/worker.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { act } from '../../src/modules/cases/workflow/workflow.ts';
import { smsHandler } from '../../src/modules/identity/sms.ts';
import { MODULES } from '../../src/modules/index.ts';

const [mode, caseId, version, staffJson] = process.argv.slice(2);
const ctx = await createContext(loadConfig({ ...process.env, YIWANG_WORKERS: '0', LOG_LEVEL: 'warn' }), MODULES);
const hang = () => new Promise<never>(() => undefined);

if (mode === 'accept') {
  // the acceptance runs to its last statement, then the process dies before COMMIT
  const db = ctx.db;
  const dying: Db = {
    backend: db.backend,
    query: db.query.bind(db),
    one: db.one.bind(db),
    exec: db.exec.bind(db),
    ping: db.ping.bind(db),
    close: db.close.bind(db),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        await fn(tx);
        console.log('before-commit');
        return hang();
      }),
  };
  await act({ ...ctx, db: dying }, JSON.parse(staffJson!) as Actor, caseId!, 'accept', { version: Number(version) });
} else if (mode === 'deliver') {
  // the SMS carrier call hangs: the process dies inside the handler's transaction
  const gateway = {
    name: 'hanging',
    send: async () => {
      console.log('in-handler');
      return hang();
    },
  };
  await processDueEvents(ctx.db, handlerMap([smsHandler(personalData(ctx.config.masterKey), gateway)]));
}
