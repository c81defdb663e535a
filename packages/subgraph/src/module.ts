import type { EntitySchema } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { importPrivateKey, importPublicKey, pemFromConfig, type CryptoKey } from '@resona/auth';
import { createLogger, parseConfig, serveUntilStopped, type Logger, type z } from '@resona/config';
import { createOrm, type Orm } from '@resona/db';
import { createPubSub, type PubSub } from '@resona/pubsub';
import type { RunningServer, SubgraphServer } from './server.js';
import type { subgraphConfigSchema } from './config.js';

export type BaseSubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema<{}>>>;

/** What a subgraph's `server.ts` exports: everything needed to build it, alone or in the all-in-one process. */
export interface SubgraphModule<C extends BaseSubgraphConfig = BaseSubgraphConfig> {
  name: string;
  /** The subgraph's own PostgreSQL schema. */
  schema: string;
  configSchema: z.ZodType<C>;
  entities: EntitySchema<any, any>[];
  migrations: { name: string; class: new (...args: any[]) => Migration }[];
  build(deps: SubgraphBuildDeps<C>): Promise<SubgraphServer>;
  /**
   * Adds this subgraph's part of the demo data (`pnpm seed`). Subgraphs seed in supergraph order
   * (identity first); each reads what earlier ones put in `world` and adds what later ones need.
   */
  seed?(orm: Orm, world: DemoWorld, config: C): Promise<void>;
}

/** The demo data set, as it grows while each subgraph seeds its part. */
export interface DemoWorld {
  clinics: { id: string; name: string }[];
  users: { id: string; email: string; displayName: string; roles: string[]; clinicId: string | null; preferredLanguage: 'EN' | 'SW' | 'MIXED' }[];
  /** Messages the conversation subgraph seeded, so emotion and risk can attach readings to them. */
  messages: { id: string; userId: string; role: 'USER' | 'ASSISTANT'; text: string; createdAt: Date }[];
}

export interface SubgraphBuildDeps<C> {
  config: C;
  orm: Orm;
  logger: Logger;
  internalTokenKey: Awaited<ReturnType<typeof importPublicKey>>;
  /**
   * The internal-token private key, for subgraphs that call peers (`internalClient`). Loaded on
   * first use, so subgraphs without peers never need it.
   */
  internalSigningKey: () => Promise<CryptoKey>;
  /** Events between services and replicas (Redis when `REDIS_URL` is set). */
  pubsub: PubSub;
}

export interface StartedSubgraph {
  name: string;
  config: BaseSubgraphConfig;
  orm: Orm;
  server: SubgraphServer;
  running: RunningServer;
  stop(): Promise<void>;
}

/**
 * Parses the subgraph's config (env plus `overrides`), opens its database, runs its migrations,
 * builds it and listens on its port.
 */
export async function startSubgraph<C extends BaseSubgraphConfig>(
  module: SubgraphModule<C>,
  overrides: Record<string, string | undefined> = {},
): Promise<StartedSubgraph> {
  const config = parseConfig(module.configSchema, overrides);
  const logger = createLogger(module.name, config.LOG_LEVEL);
  const orm = await createOrm({ databaseUrl: config.DATABASE_URL, schema: module.schema, entities: module.entities, migrations: module.migrations });
  try {
    await orm.migrate();
    const internalTokenKey = await importPublicKey(
      pemFromConfig(config.INTERNAL_TOKEN_PUBLIC_KEY, { dataDir: config.DATA_DIR, name: 'internal-token', part: 'public' }),
    );
    let signingKey: Promise<CryptoKey> | undefined;
    const internalSigningKey = () =>
      (signingKey ??= importPrivateKey(pemFromConfig(config.INTERNAL_TOKEN_PRIVATE_KEY, { dataDir: config.DATA_DIR, name: 'internal-token', part: 'private' })));
    const pubsub = createPubSub(config.REDIS_URL);
    const server = await module.build({ config, orm, logger, internalTokenKey, internalSigningKey, pubsub });
    const running = await server.listen(config.PORT, config.HOST);
    logger.info({ url: running.url }, `${module.name} subgraph listening`);
    return {
      name: module.name,
      config,
      orm,
      server,
      running,
      async stop() {
        await running.close();
        await pubsub.close();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/** `src/index.ts` of every subgraph: start alone, stop cleanly on SIGINT/SIGTERM (or when a parent stack goes away). */
export async function runStandalone(module: SubgraphModule<any>): Promise<void> {
  let started: StartedSubgraph;
  try {
    started = await startSubgraph(module);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  serveUntilStopped(started.running.url, () => started.stop());
}
