import { readFileSync } from 'node:fs';
import { createLogger, type Logger } from '@resona/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@resona/db';
import { createGateway, gatewayConfigSchema, type Supergraphs } from '@resona/gateway';
import { parseConfig } from '@resona/config';
import { startSubgraph, type StartedSubgraph, type RunningServer } from '@resona/subgraph';
import { PARTNER_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from './compose.js';
import { SUBGRAPHS } from './subgraphs.js';
import { seedDemoWorld } from './seed.js';

/** Subgraphs that other subgraphs call (their URL is passed to every later one as `<NAME>_URL`). */
const PEERS = new Set(['privacy', 'emotion', 'risk']);
export const START_RANK = (name: string) => (name === 'privacy' ? 0 : PEERS.has(name) ? 1 : 2);

export interface StackOptions {
  /** PostgreSQL to use; when unset an embedded PostgreSQL starts with its data under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** `default`: gateway 4000, subgraphs 4001–4006. `random`: free ports (tests, benchmarks). */
  ports: 'default' | 'random';
  gatewayPort?: number;
  logLevel?: string;
  /** Settings passed to every service (keys, NODE_ENV, …), on top of the environment. */
  settings?: Record<string, string>;
  /** Seed the demo data when the database has no accounts yet. */
  seedWhenEmpty?: boolean;
  /** The supergraphs; default the committed `schema/supergraph.graphql` and `schema/supergraph.partner.graphql`. */
  supergraphs?: Supergraphs;
}

export interface Stack {
  gatewayUrl: string;
  gateway: RunningServer;
  subgraphs: Record<string, StartedSubgraph>;
  /** Each subgraph's URL, by name. */
  subgraphUrls: Record<string, string>;
  databaseUrl: string;
  /** Stops one subgraph (to test partial failure). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole supergraph in one process: PostgreSQL (embedded unless a URL is given), every
 * subgraph on its own port with its migrations applied, then the gateway in front of them.
 */
export async function startStack(options: StackOptions, logger: Logger = createLogger('stack', options.logLevel ?? 'info')): Promise<Stack> {
  let embedded: EmbeddedDatabase | undefined;
  const started: StartedSubgraph[] = [];
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      logger.info({ dataDir: options.dataDir }, 'starting embedded PostgreSQL');
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: (line) => logger.debug({ postgres: line }) });
      databaseUrl = embedded.url;
    }
    const common = { DATA_DIR: options.dataDir, DATABASE_URL: databaseUrl, ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}), ...options.settings };
    // Subgraphs that others call start first, so their URLs (random ports in tests) can be passed on:
    // privacy (consent) before everyone, emotion and risk before conversation.
    const startOrder = [...SUBGRAPHS].sort((a, b) => START_RANK(a.module.name) - START_RANK(b.module.name));
    const peers: Record<string, string> = {};
    for (const { module, port } of startOrder) {
      const subgraph = await startSubgraph(module, { ...common, ...peers, PORT: String(options.ports === 'random' ? 0 : port) });
      started.push(subgraph);
      if (PEERS.has(module.name)) peers[`${module.name.toUpperCase()}_URL`] = subgraph.running.url;
    }
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s]));
    if (options.seedWhenEmpty) await seedDemoWorld(subgraphs, logger, { onlyWhenEmpty: true });

    const urls = Object.fromEntries(started.map((s) => [`${s.name.toUpperCase()}_URL`, s.running.url]));
    const gatewayConfig = parseConfig(gatewayConfigSchema, { ...common, ...urls });
    const supergraphs = options.supergraphs ?? { public: readFileSync(SUPERGRAPH_PATH, 'utf8'), partner: readFileSync(PARTNER_SUPERGRAPH_PATH, 'utf8') };
    const gateway = await createGateway(gatewayConfig, supergraphs, createLogger('gateway', gatewayConfig.LOG_LEVEL));
    const running = await gateway.listen(options.ports === 'random' ? 0 : options.gatewayPort ?? gatewayConfig.PORT);
    const stopped = new Set<string>();
    return {
      gatewayUrl: running.url,
      gateway: running,
      subgraphs,
      subgraphUrls: Object.fromEntries(started.map((s) => [s.name, s.running.url])),
      databaseUrl,
      async stopSubgraph(name) {
        if (stopped.has(name)) return;
        stopped.add(name);
        await subgraphs[name]!.stop();
      },
      async stop() {
        await running.close();
        for (const s of started.reverse()) if (!stopped.has(s.name)) await s.stop();
        await embedded?.stop();
      },
    };
  } catch (error) {
    for (const s of started.reverse()) await s.stop().catch(() => {});
    await embedded?.stop();
    throw error;
  }
}
