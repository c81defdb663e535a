import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { LRUCache } from 'lru-cache';
import {
  GraphQLError,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { CloseCode, createClient, type Client } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { Topic, mapAsyncIterator, type PubSub } from '@resona/pubsub';
import type { Principal } from '@resona/auth';
import type { Authenticator, GatewayContext } from './identity.js';
import { LIMITS, limitRules } from './limits.js';
import type { RateLimiters } from './rate-limits.js';

/** Knobs of the WebSocket side, with their defaults. */
export const SUBSCRIPTION_LIMITS = {
  /** A socket that sends no `connection_init` within this is closed with 4408. */
  connectionInitWaitMs: 3_000,
  /** Server pings this often; a socket that misses two pongs is dropped. */
  pingIntervalMs: 12_000,
  /** Bytes a socket may have waiting to be sent; a client slower than this is closed (1008). */
  maxBufferedBytes: 1024 * 1024,
  /** Subscriptions one socket may hold at once. */
  maxSubscriptionsPerSocket: 20,
} as const;

interface SocketExtra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: http.IncomingMessage;
  context?: GatewayContext;
  cleanups: (() => void | Promise<void>)[];
}

export interface SubscriptionServer {
  /** Completes every open subscription, then closes every socket (1001). */
  close(): Promise<void>;
}

/**
 * The gateway's own subscription engine. @apollo/gateway cannot execute subscriptions, so for
 * each one we: authenticate the socket, validate against the API schema with the same limits as
 * HTTP, let the federation query planner plan it (a primary fetch to the owning subgraph plus the
 * rest of the plan), subscribe to the owning subgraph over graphql-ws with the caller's internal
 * token, and for every event run the rest of the plan with @apollo/gateway's executor, so fields
 * of other subgraphs resolve exactly as they would in a query.
 */
export function createSubscriptionServer(options: {
  httpServer: http.Server;
  path: string;
  /** The public supergraph and the partner contract; each connection uses its caller's. */
  supergraphs: { public: string; partner: string };
  dataSources: ServiceMap;
  subgraphUrls: Record<string, string>;
  authenticator: Authenticator;
  rateLimiters?: RateLimiters;
  pubsub: PubSub;
  logger: Logger;
  limits?: boolean;
}): SubscriptionServer {
  const audiences = { public: audienceFor(options.supergraphs.public), partner: audienceFor(options.supergraphs.partner) };
  const streams = new Map<string, SharedStream<ExecutionResult>>();
  // Plans depend only on the audience and the operation: plan each once, not per subscriber.
  const plans = new LRUCache<string, { plan: SubscriptionNode; operationContext: ReturnType<typeof buildOperationContext> }>({ max: 1_000 });
  const planFor = (audience: 'public' | 'partner', document: DocumentNode, query: string, operationName: string | undefined) => {
    const key = JSON.stringify([audience, query, operationName ?? null]);
    let planned = plans.get(key);
    if (!planned) {
      const { apiSchema, apiGraphQLSchema, planner } = audiences[audience];
      const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }));
      if (plan.node?.kind !== 'Subscription') throw new Error('expected a subscription plan');
      planned = { plan: plan.node, operationContext: buildOperationContext({ schema: apiGraphQLSchema, operationDocument: document, operationName }) };
      plans.set(key, planned);
    }
    return planned;
  };
  const upstream = new UpstreamClients(options.subgraphUrls, options.logger);
  const rules = [...specifiedRules, ...(options.limits === false ? [] : limitRules())];

  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: LIMITS.maxBodyBytes });
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      const alive = socket as WebSocket & { missedPongs?: number };
      if ((alive.missedPongs ?? 0) >= 2) {
        socket.terminate();
        continue;
      }
      alive.missedPongs = (alive.missedPongs ?? 0) + 1;
      socket.ping();
    }
  }, SUBSCRIPTION_LIMITS.pingIntervalMs);
  wss.on('connection', (socket: WebSocket & { missedPongs?: number }) => socket.on('pong', () => (socket.missedPongs = 0)));

  const open = new Set<{ subscriptions: Record<string, AsyncGenerator<unknown> | AsyncIterable<unknown> | null> }>();
  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      connectionInitWaitTimeout: SUBSCRIPTION_LIMITS.connectionInitWaitMs,
      onConnect: async (ctx) => {
        ctx.extra.cleanups = [() => void open.delete(ctx as never)];
        open.add(ctx as never);
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        let context: GatewayContext;
        try {
          context = await options.authenticator.authenticate(authorization, {
            ip: ctx.extra.request.socket.remoteAddress ?? null,
            userAgent: ctx.extra.request.headers['user-agent'] ?? null,
          });
        } catch {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Invalid credentials');
          return false;
        }
        if (context.principal.kind === 'anonymous') {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Sign in (Bearer token) or use an API key');
          return false;
        }
        ctx.extra.context = context;
        // An access token's end is the socket's end; so is logging out of the session.
        if (context.expiresAtMs) {
          const timer = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'), Math.max(0, context.expiresAtMs - Date.now()));
          ctx.extra.cleanups.push(() => clearTimeout(timer));
        }
        if (context.sessionId) {
          const stop = await options.pubsub.subscribe(Topic.sessionRevoked(context.sessionId), () =>
            ctx.extra.socket.close(CloseCode.Forbidden, 'Session ended'),
          );
          ctx.extra.cleanups.push(stop);
        }
        return true;
      },
      onClose: async (ctx) => {
        for (const cleanup of ctx.extra.cleanups ?? []) await cleanup();
      },
      onSubscribe: async (ctx, _id, payload) => {
        const context = ctx.extra.context!;
        if (Object.keys(ctx.subscriptions).length >= SUBSCRIPTION_LIMITS.maxSubscriptionsPerSocket) {
          return [new GraphQLError(`At most ${SUBSCRIPTION_LIMITS.maxSubscriptionsPerSocket} subscriptions per connection.`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        if (options.rateLimiters) {
          try {
            const { principal } = context;
            await options.rateLimiters.consume(principal.kind === 'partner' ? 'perApiKey' : 'perUser', principal.apiKey?.id ?? principal.userId!);
          } catch {
            ctx.extra.socket.close(CloseCode.TooManyInitialisationRequests, 'Rate limited');
            return [];
          }
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: LIMITS.maxTokens });
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const { apiGraphQLSchema } = audiences[context.principal.kind === 'partner' ? 'partner' : 'public'];
        const errors = validate(apiGraphQLSchema, document, rules);
        if (errors.length) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = selectOperation(document, payload.operationName ?? undefined);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        return { schema: apiGraphQLSchema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
      },
      subscribe: async (args) => {
        const context = args.contextValue as GatewayContext;
        const audience = context.principal.kind === 'partner' ? 'partner' : 'public';
        const operationName = args.operationName ?? undefined;
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        const query = print(args.document);
        // Everyone who asks the same question as the same identity gets the same answers: one
        // upstream subscription and one plan execution per event, fanned out to each socket. A
        // stream resumed from a cursor (`after:`) first replays what was missed, so it is never shared.
        const resumes =
          /\bafter\s*:\s*"/.test(query) ||
          Object.entries(variables).some(([name, value]) => value != null && new RegExp(`\\bafter\\s*:\\s*\\$${name}\\b`).test(query));
        const key = JSON.stringify([audience, identityOf(context.principal), query, operationName ?? null, variables, resumes ? randomUUID() : null]);
        let stream = streams.get(key);
        if (!stream) {
          const { plan, operationContext } = planFor(audience, args.document, query, operationName);
          const { apiSchema, supergraphSchema } = audiences[audience];
          const { primary, rest } = plan;
          const events = upstream.subscribe(primary, variables, context);
          const results = mapAsyncIterator(events, async (event): Promise<ExecutionResult> => {
            // Errors arrive from the subgraph as JSON; graphql-ws serializes GraphQLErrors.
            const upstreamErrors = (event.errors ?? []).map(
              (e) => new GraphQLError(e.message, { path: e.path, extensions: (e as { extensions?: Record<string, unknown> }).extensions }),
            );
            if (!event.data) return { errors: upstreamErrors };
            const result = await executeQueryPlan(
              eventPlan(primary, rest),
              withPrimaryResult(options.dataSources, primary, event),
              requestContext(args.document, operationName, variables, context, options.logger),
              operationContext,
              supergraphSchema,
              apiSchema,
            );
            const errors = [...upstreamErrors, ...(result.errors ?? [])];
            return { data: result.data ?? null, ...(errors.length ? { errors } : {}) };
          });
          stream = new SharedStream(results, () => streams.delete(key));
          streams.set(key, stream);
        }
        return stream.join();
      },
      onNext: (ctx) => {
        if (ctx.extra.socket.bufferedAmount > SUBSCRIPTION_LIMITS.maxBufferedBytes) {
          ctx.extra.socket.close(1008, `Slow consumer: more than ${SUBSCRIPTION_LIMITS.maxBufferedBytes} bytes waiting`);
        }
      },
    },
    wss,
  );

  return {
    async close() {
      clearInterval(heartbeat);
      // Ending each subscription sends its `complete`, so clients know the stream ended on purpose
      // (and can resubscribe elsewhere) before the socket closes with 1001.
      for (const ctx of open) {
        for (const subscription of Object.values(ctx.subscriptions)) {
          if (subscription && 'return' in subscription) await subscription.return?.(undefined).catch(() => {});
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const sockets = [...wss.clients];
      await server.dispose();
      for (const socket of sockets) socket.terminate();
      await upstream.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The part of a principal that decides what it may see (not its address, agent or request id). */
function identityOf(principal: Principal) {
  return [principal.kind, principal.userId, principal.roles, principal.clinicId, principal.mfa, principal.apiKey ?? null];
}

/**
 * One source of results shared by many subscribers. Each subscriber reads its own bounded queue;
 * one that falls `maxQueued` results behind is ended with an error instead of holding memory. The
 * source ends when the last subscriber leaves.
 */
export class SharedStream<T> {
  private readonly subscribers = new Set<{ push(value: T): void; end(error?: Error): void }>();
  private pumping = false;

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly onIdle: () => void,
    private readonly maxQueued = 100,
  ) {}

  join(): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    let failure: Error | undefined;
    const subscriber = {
      push: (value: T) => {
        if (queue.length >= this.maxQueued) return subscriber.end(new GraphQLError('This subscriber reads too slowly and was ended.', { extensions: { code: 'SLOW_CONSUMER' } }));
        queue.push(value);
        wake?.();
      },
      end: (error?: Error) => {
        ended = true;
        failure = error;
        this.leave(subscriber);
        wake?.();
      },
    };
    this.subscribers.add(subscriber);
    if (!this.pumping) void this.pump();
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next: async (): Promise<IteratorResult<T>> => {
        for (;;) {
          if (queue.length) return { value: queue.shift()!, done: false };
          if (failure) throw failure;
          if (ended) return { value: undefined, done: true };
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      },
      return: async (): Promise<IteratorResult<T>> => {
        subscriber.end();
        return { value: undefined, done: true };
      },
      throw: async (error) => {
        subscriber.end();
        throw error;
      },
    };
  }

  private leave(subscriber: { push(value: T): void; end(error?: Error): void }) {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size) return;
    this.onIdle();
    void this.source.return?.();
  }

  private async pump() {
    this.pumping = true;
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done) break;
        for (const subscriber of [...this.subscribers]) subscriber.push(next.value);
        if (!this.subscribers.size) return;
      }
      for (const subscriber of [...this.subscribers]) subscriber.end();
    } catch (error) {
      for (const subscriber of [...this.subscribers]) subscriber.end(error as Error);
    }
  }
}

/** What planning and executing against one supergraph needs. */
function audienceFor(supergraphSdl: string) {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  return { apiSchema, apiGraphQLSchema: apiSchema.toGraphQLJSSchema(), supergraphSchema: supergraph.schema.toGraphQLJSSchema(), planner: new QueryPlanner(supergraph) };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

function selectOperation(document: DocumentNode, operationName?: string): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** The plan run for every event: the primary fetch (answered by the event itself), then the rest. */
function eventPlan(primary: FetchNode, rest: PlanNode | undefined): QueryPlan {
  return { kind: 'QueryPlan', node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary };
}

/**
 * A service map in which the owning subgraph answers the primary fetch with the event it just
 * pushed, and everything else (including later entity fetches to the same subgraph) goes out
 * as usual.
 */
function withPrimaryResult(dataSources: ServiceMap, primary: FetchNode, event: ExecutionResult): ServiceMap {
  const real = dataSources[primary.serviceName]!;
  let answered = false;
  const eventSource: GraphQLDataSource = {
    async process(options) {
      if (!answered && options.request.query === primary.operation) {
        answered = true;
        return { data: event.data as Record<string, unknown>, errors: event.errors as never };
      }
      return real.process(options);
    },
  };
  return { ...dataSources, [primary.serviceName]: eventSource };
}

/** The slice of Apollo's request context that the executor and our data sources read. */
function requestContext(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, context: GatewayContext, logger: Logger) {
  return {
    request: { query: undefined, operationName, variables, http: undefined },
    document,
    operationName: operationName ?? null,
    context,
    logger,
    cache: undefined,
    metrics: {},
    overallCachePolicy: { restrict() {}, replace() {}, policyIfCacheable: () => null },
  } as never;
}

/**
 * graphql-ws connections to the subgraphs, one per subgraph and caller identity (a socket is
 * authenticated once, by its `connection_init`), shared by that caller's subscriptions. They
 * reconnect on their own when a subgraph restarts and resubscribe, so clients need not.
 */
class UpstreamClients {
  private readonly clients = new Map<string, { client: Client; users: number }>();

  constructor(
    private readonly urls: Record<string, string>,
    private readonly logger: Logger,
  ) {}

  subscribe(fetch: FetchNode, variables: Record<string, unknown>, context: GatewayContext): AsyncIterableIterator<ExecutionResult> {
    const key = `${fetch.serviceName}|${JSON.stringify({ ...context.principal, requestId: null })}`;
    let entry = this.clients.get(key);
    if (!entry) {
      const url = this.urls[fetch.serviceName]!.replace(/^http/, 'ws');
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 1_000,
        keepAlive: 10_000,
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** retries))),
        connectionParams: async () => ({ authorization: `Bearer ${await context.internalToken()}` }),
        on: { error: (error) => this.logger.debug({ err: error, subgraph: fetch.serviceName }, 'upstream subscription socket error') },
      });
      entry = { client, users: 0 };
      this.clients.set(key, entry);
    }
    entry.users++;
    const variablesForFetch = Object.fromEntries((fetch.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    const iterator = entry.client.iterate<Record<string, unknown>>({ query: fetch.operation, variables: variablesForFetch });
    const release = () => {
      const current = this.clients.get(key);
      if (current && --current.users === 0) {
        this.clients.delete(key);
        void Promise.resolve(current.client.dispose()).catch(() => {});
      }
    };
    let released = false;
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        try {
          const next = await iterator.next();
          if (next.done && !released) {
            released = true;
            release();
          }
          return next as IteratorResult<ExecutionResult>;
        } catch (error) {
          // Ended by us (the client unsubscribed, or the gateway is stopping): not an error.
          if (released) return { value: undefined, done: true };
          released = true;
          release();
          throw error;
        }
      },
      async return() {
        await iterator.return?.();
        if (!released) {
          released = true;
          release();
        }
        return { value: undefined, done: true };
      },
      async throw(error) {
        await this.return!();
        throw error;
      },
    };
  }

  async close() {
    for (const { client } of this.clients.values()) await Promise.resolve(client.dispose()).catch(() => {});
    this.clients.clear();
  }
}

export type { GraphQLSchema };
