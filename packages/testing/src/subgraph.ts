import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePemKeyPair, importPrivateKey, signInternalToken, type Principal } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import type { Orm } from '@resona/db';
import { startSubgraph, type BaseSubgraphConfig, type SubgraphModule } from '@resona/subgraph';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<D = any> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestSubgraph {
  url: string;
  orm: Orm;
  /** The subgraph's parsed configuration (for its `seed`). */
  config: BaseSubgraphConfig;
  /** Sends a query as `principal`, with an internal token signed like the gateway signs it. */
  request<D = any>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<D>>;
  /** Sends a raw request with the given headers (for requests without or with a bad token). */
  raw(headers: Record<string, string>, body: string): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** Posts a GraphQL request and returns the status with the parsed body. */
export async function postGraphQL(url: string, headers: Record<string, string>, body: string): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: text }] };
  }
}

export interface TestSubgraphOptions {
  /**
   * The internal-token key pair; subgraphs that call each other in a test must share one
   * (see {@link startTestSubgraphs}). Default a fresh pair.
   */
  internalKeys?: { privateKeyPem: string; publicKeyPem: string };
  /** A database to share with other test subgraphs (each uses its own schema). Default a fresh one, dropped on stop. */
  databaseUrl?: string;
}

/**
 * Starts one subgraph for a test file: its own fresh database, migrated, on a free port, with
 * fresh keys. Call `stop()` in `afterAll`.
 */
export async function startTestSubgraph(module: SubgraphModule<any>, overrides: Record<string, string> = {}, options: TestSubgraphOptions = {}): Promise<TestSubgraph> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const internal = options.internalKeys ?? generatePemKeyPair();
  const access = generatePemKeyPair();
  const dataDir = mkdtempSync(path.join(tmpdir(), `resona-${module.name}-`));
  const started = await startSubgraph(module, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    INTERNAL_TOKEN_PUBLIC_KEY: internal.publicKeyPem,
    INTERNAL_TOKEN_PRIVATE_KEY: internal.privateKeyPem,
    ACCESS_TOKEN_PRIVATE_KEY: access.privateKeyPem,
    ENCRYPTION_KEYS: KeyRing.generateSpec(),
    ...overrides,
  });
  const signingKey = await importPrivateKey(internal.privateKeyPem);
  return {
    url: started.running.url,
    orm: started.orm,
    config: started.config,
    async request(principal, query, variables) {
      const token = await signInternalToken(signingKey, principal);
      // The request id travels as a header, as from the gateway (it is not part of the token).
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(principal.requestId ? { 'x-request-id': principal.requestId } : {}) };
      return postGraphQL(started.running.url, headers, JSON.stringify({ query, variables }));
    },
    raw: (headers, body) => postGraphQL(started.running.url, headers, body),
    async stop() {
      await started.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts several subgraphs over one database with one internal key pair, privacy first, so those
 * that ask privacy about consent (`PRIVACY_URL`) reach the real one. Returns them by name.
 */
export async function startTestSubgraphs(
  modules: SubgraphModule<any>[],
): Promise<{ subgraphs: Record<string, TestSubgraph>; databaseUrl: string; stopAll(): Promise<void> }> {
  const database = await createTestDatabase();
  const internalKeys = generatePemKeyPair();
  const ordered = [...modules].sort((a, b) => Number(b.name === 'privacy') - Number(a.name === 'privacy'));
  const started: Record<string, TestSubgraph> = {};
  const overrides: Record<string, string> = {};
  for (const module of ordered) {
    started[module.name] = await startTestSubgraph(module, overrides, { internalKeys, databaseUrl: database.url });
    if (module.name === 'privacy') overrides.PRIVACY_URL = started[module.name]!.url;
  }
  return {
    subgraphs: started,
    databaseUrl: database.url,
    async stopAll() {
      for (const module of ordered.reverse()) await started[module.name]!.stop();
      await database.drop();
    },
  };
}
