import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePemKeyPair, type PemKeyPair } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import { createLogger } from '@resona/config';
import { startStack, startStackProcesses, type Stack } from '@resona/stack';
import { createTestDatabase, postGraphQL, type GraphQLResponse } from '@resona/testing';

/** What every test stack offers, whether its services share one process or run one per process. */
export interface AnyTestStack {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The settings every service got (keys, NODE_ENV, …), to start more replicas alike. */
  settings: Record<string, string>;
  /** The key pairs this stack was started with, to forge or expire tokens in tests. */
  keys: { access: PemKeyPair; internal: PemKeyPair };
  /** Posts to the gateway, optionally with a bearer access token. */
  gql<D = any>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<GraphQLResponse<D>>;
  stop(): Promise<void>;
}

export interface TestStack extends Stack, AnyTestStack {
  /** Resets every subgraph's SQL statement counter. */
  resetQueryCounts(): void;
  queryCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/** A fresh database, data directory and keys for a stack, and how to clean them up. */
async function testStackPrerequisites(extra: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'resona-stack-'));
  const access = generatePemKeyPair();
  const internal = generatePemKeyPair();
  const settings = {
    NODE_ENV: 'test',
    ACCESS_TOKEN_PRIVATE_KEY: access.privateKeyPem,
    ACCESS_TOKEN_PUBLIC_KEY: access.publicKeyPem,
    INTERNAL_TOKEN_PRIVATE_KEY: internal.privateKeyPem,
    INTERNAL_TOKEN_PUBLIC_KEY: internal.publicKeyPem,
    ENCRYPTION_KEYS: KeyRing.generateSpec(),
    ...extra,
  };
  return {
    database,
    dataDir,
    settings,
    keys: { access, internal },
    forGateway: (gatewayUrl: string): AnyTestStack['gql'] => (query, variables, accessToken) =>
      postGraphQL(gatewayUrl, accessToken ? { authorization: `Bearer ${accessToken}` } : {}, JSON.stringify({ query, variables })),
    async cleanUp() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The whole supergraph in this process, on free ports over a fresh database, with fresh keys. */
export async function startTestStack(options: { seed?: boolean; settings?: Record<string, string> } = {}): Promise<TestStack> {
  const { database, dataDir, settings, keys, forGateway, cleanUp } = await testStackPrerequisites(options.settings);
  const stack = await startStack({ databaseUrl: database.url, dataDir, ports: 'random', logLevel: 'silent', seedWhenEmpty: options.seed ?? false, settings });
  return {
    ...stack,
    settings: { ...settings, DATA_DIR: dataDir, DATABASE_URL: database.url },
    keys,
    gql: forGateway(stack.gatewayUrl),
    resetQueryCounts: () => Object.values(stack.subgraphs).forEach((s) => s.orm.queries.reset()),
    queryCounts: () => Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.orm.queries.count])),
    async stop() {
      await stack.stop();
      await cleanUp();
    },
  };
}

/**
 * The supergraph as deployed: each service in its own process, events through Redis (`REDIS_URL`,
 * default 127.0.0.1:6379), with the demo data, over a fresh database, with fresh keys.
 */
export async function startTestStackProcesses(): Promise<AnyTestStack> {
  const { database, dataDir, settings, keys, forGateway, cleanUp } = await testStackPrerequisites();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const stack = await startStackProcesses({ databaseUrl: database.url, dataDir, logLevel: 'error', seedWhenEmpty: true, settings, redisUrl }, createLogger('test', 'error')).catch(async (error: Error) => {
    await cleanUp();
    throw error;
  });
  return {
    gatewayUrl: stack.gatewayUrl,
    subgraphUrls: stack.subgraphUrls,
    settings: { ...settings, DATA_DIR: dataDir, DATABASE_URL: database.url, REDIS_URL: redisUrl },
    keys,
    gql: forGateway(stack.gatewayUrl),
    async stop() {
      await stack.stop();
      await cleanUp();
    },
  };
}

export const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;

/** Registers a person through the gateway and returns their id and access token. */
export async function registerPerson(stack: AnyTestStack, email: string): Promise<{ id: string; token: string }> {
  const { data, errors } = await stack.gql(REGISTER, { input: { email, password: 'a long enough secret', displayName: 'Test Person' } });
  if (errors) throw new Error(`register failed: ${JSON.stringify(errors)}`);
  return { id: data.register.user.id, token: data.register.accessToken };
}

export async function login(stack: AnyTestStack, email: string, password: string): Promise<{ id: string; token: string }> {
  const { data, errors } = await stack.gql(LOGIN, { input: { email, password } });
  if (errors) throw new Error(`login failed: ${JSON.stringify(errors)}`);
  return { id: data.login.user.id, token: data.login.accessToken };
}
