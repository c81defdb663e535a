import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Migration } from '@mikro-orm/migrations';

export { MikroORM };
export type { EntityManager } from '@mikro-orm/postgresql';

export interface OrmOptions {
  /** PostgreSQL connection URL. */
  databaseUrl: string;
  /** The subgraph's own PostgreSQL schema; it holds its tables and its migration history. */
  schema: string;
  entities: EntitySchema<any, any>[];
  /** Migrations in the order they run; listed explicitly so nothing depends on file globbing. */
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  /** Pool size per service. Default 10. */
  poolSize?: number;
}

/**
 * Marks work that is not a request (outbox relays, timers), so the query counter below leaves it
 * out: what it counts is what requests cost.
 */
const backgroundWork = new AsyncLocalStorage<true>();
export const runInBackground = <T>(work: () => Promise<T>): Promise<T> => backgroundWork.run(true, work);

/** Counts the SQL statements requests send, so tests can prove batching (one query per batch). */
export class QueryCounter {
  count = 0;
  readonly statements: string[] = [];
  record(sql: string) {
    if (backgroundWork.getStore()) return;
    this.count++;
    if (this.statements.length < 1000) this.statements.push(sql);
  }
  reset() {
    this.count = 0;
    this.statements.length = 0;
  }
}

export interface Orm {
  orm: MikroORM;
  queries: QueryCounter;
  /** Creates the schema if needed and runs pending migrations. */
  migrate(): Promise<void>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function createOrm(options: OrmOptions): Promise<Orm> {
  const queries = new QueryCounter();
  const orm = await MikroORM.init({
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Unqualified SQL (migrations, raw queries) lands in the subgraph's own schema, never in public.
    driverOptions: { connection: { options: `-c search_path=${options.schema}` } },
    // Every request forks its own EntityManager; a global one would mix people's data.
    allowGlobalContext: false,
    colors: false,
    discovery: { warnWhenNoEntities: false },
  });
  // Knex's query event is cheap (no SQL formatting), so counting stays on in production too.
  orm.em.getConnection().getKnex().on('query', (query: { sql: string }) => queries.record(query.sql));
  return {
    orm,
    queries,
    async migrate() {
      await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
      await orm.getMigrator().up();
    },
    async ping() {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => orm.close(true),
  };
}
