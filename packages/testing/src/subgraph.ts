import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePemKeyPair, importPrivateKey, signInternalToken, type Principal } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import type { Orm } from '@resona/db';
import { startSubgraph, type SubgraphModule } from '@resona/subgraph';
import { createTestDatabase } from './database.js';

export interface GraphQLResponse<D = any> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestSubgraph {
  url: string;
  orm: Orm;
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

/**
 * Starts one subgraph for a test file: its own fresh database, migrated, on a free port, with
 * fresh keys. Call `stop()` in `afterAll`.
 */
export async function startTestSubgraph(module: SubgraphModule<any>, overrides: Record<string, string> = {}): Promise<TestSubgraph> {
  const database = await createTestDatabase();
  const internal = generatePemKeyPair();
  const access = generatePemKeyPair();
  const dataDir = mkdtempSync(path.join(tmpdir(), `resona-${module.name}-`));
  const started = await startSubgraph(module, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    INTERNAL_TOKEN_PUBLIC_KEY: internal.publicKeyPem,
    ACCESS_TOKEN_PRIVATE_KEY: access.privateKeyPem,
    ENCRYPTION_KEYS: KeyRing.generateSpec(),
    ...overrides,
  });
  const signingKey = await importPrivateKey(internal.privateKeyPem);
  return {
    url: started.running.url,
    orm: started.orm,
    async request(principal, query, variables) {
      const token = await signInternalToken(signingKey, principal);
      return postGraphQL(started.running.url, { authorization: `Bearer ${token}` }, JSON.stringify({ query, variables }));
    },
    raw: (headers, body) => postGraphQL(started.running.url, headers, body),
    async stop() {
      await started.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
