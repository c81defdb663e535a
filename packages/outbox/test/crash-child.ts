/**
 * A service process that dies (SIGKILL: no cleanup, no finally) at the worst moment, for
 * outbox.test.ts. Modes:
 * - `after-commit`: commits a change with its outbox row, then dies before any relay runs.
 * - `mid-delivery`: its relay claims the row and dies inside the handler, before sending.
 */
import { Migration } from '@mikro-orm/migrations';
import { createOrm } from '@resona/db';
import { OUTBOX_MIGRATION_SQL, Relay, enqueue } from '../src/index.js';

class OutboxMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_MIGRATION_SQL) this.addSql(sql);
  }
}

const [databaseUrl, schema, mode, key] = process.argv.slice(2) as [string, string, string, string];
const orm = await createOrm({ databaseUrl, schema, entities: [], migrations: [{ name: 'outbox', class: OutboxMigration }] });
if (mode === 'after-commit') {
  await orm.orm.em.fork().transactional(async (tx) => {
    await tx.execute('create table if not exists change_log (id text primary key)');
    await tx.execute('insert into change_log (id) values (?)', [key]);
    await enqueue(tx, [{ topic: 'alert.send', key, payload: { alert: key } }]);
  });
  process.stdout.write('committed\n');
  process.kill(process.pid, 'SIGKILL');
} else {
  const relay = new Relay({
    em: () => orm.orm.em.fork(),
    leaseMs: 400,
    handlers: {
      'alert.send': async () => {
        process.stdout.write('claimed\n');
        process.kill(process.pid, 'SIGKILL');
        await new Promise(() => {});
      },
    },
  });
  relay.start();
}
