import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePemKeyPair, importPrivateKey, signInternalToken, type Principal } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import type { Orm } from '@resona/db';
import { startSubgraph, type BaseSubgraphConfig, type SubgraphModule } from '@resona/subgraph';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
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
  /**
   * Subscribes as `principal` over graphql-ws (the subgraph's `/graphql`, the internal token in
   * `connection_init`, as the gateway does). Each socket is its own connection; `stop()` closes
   * any left open.
   */
  subscribe<D = any>(principal: Principal, query: string, variables?: Record<string, unknown>): TestSubscription<D>;
  stop(): Promise<void>;
}

/** One result of a subscription: an event, or the errors the server refused or ended it with. */
export type SubscriptionResult<D = any> = Omit<GraphQLResponse<D>, 'status'>;

/** A live subscription: iterate it, or wait for one result at a time with a deadline. */
export interface TestSubscription<D = any> extends AsyncIterableIterator<SubscriptionResult<D>> {
  /** The next result within `ms` (default 5000); `'timeout'` when none came, `'done'` when the stream ended. */
  nextWithin(ms?: number): Promise<SubscriptionResult<D> | 'timeout' | 'done'>;
  /** Unsubscribes and closes the socket. */
  close(): Promise<void>;
}

/**
 * graphql-ws has no "subscribed" acknowledgement, so a test cannot know when the server listens.
 * This calls `trigger` (something that makes an event) every `everyMs` until `subscription`
 * yields, and returns that first result. Default every 200 ms, for at most 10 s.
 */
export async function firstResult<D = any>(
  subscription: TestSubscription<D>,
  trigger: () => Promise<unknown>,
  options: { everyMs?: number; timeoutMs?: number } = {},
): Promise<SubscriptionResult<D>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    await trigger();
    const result = await subscription.nextWithin(options.everyMs ?? 200);
    if (result === 'done') throw new Error('The subscription ended before its first event.');
    if (result !== 'timeout') return result;
  }
  throw new Error('No event within the time allowed.');
}

/** A graphql-ws subscription whose results queue up until read. */
function openSubscription<D>(url: string, token: () => Promise<string>, query: string, variables?: Record<string, unknown>): TestSubscription<D> {
  const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: async () => ({ authorization: `Bearer ${await token()}` }) });
  const queue: SubscriptionResult<D>[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const unsubscribe = client.subscribe<D>(
    { query, variables },
    {
      next: (result) => {
        queue.push(result as SubscriptionResult<D>);
        notify();
      },
      // A refusal at subscribe time arrives as errors; a closed socket as a close event.
      error: (error) => {
        if (Array.isArray(error)) queue.push({ errors: error as SubscriptionResult['errors'] });
        else failure = error;
        done = true;
        notify();
      },
      complete: () => {
        done = true;
        notify();
      },
    },
  );
  const settle = (ms?: number) =>
    new Promise<void>((resolve) => {
      if (queue.length || done) return resolve();
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const close = async () => {
    unsubscribe();
    await client.dispose();
    done = true;
    notify();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      await settle();
      if (queue.length) return { value: queue.shift()!, done: false };
      if (failure) throw failure;
      return { value: undefined, done: true };
    },
    async nextWithin(ms = 5_000) {
      await settle(ms);
      if (queue.length) return queue.shift()!;
      if (failure) throw failure;
      return done ? 'done' : 'timeout';
    },
    close,
    async return() {
      await close();
      return { value: undefined, done: true };
    },
  };
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
  const subscriptions = new Set<TestSubscription>();
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
    subscribe<D>(principal: Principal, query: string, variables?: Record<string, unknown>) {
      const subscription = openSubscription<D>(started.running.url.replace(/^http/, 'ws'), () => signInternalToken(signingKey, principal), query, variables);
      subscriptions.add(subscription);
      return subscription;
    },
    async stop() {
      for (const subscription of subscriptions) await subscription.close();
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
