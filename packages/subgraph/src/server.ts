import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import express from 'express';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import type { Logger } from 'pino';
import { VerifiedTokenCache, bearerToken, verifyInternalToken, type CryptoKey, type Principal } from '@resona/auth';
import type { Orm } from '@resona/db';
import { ErrorCode, isPublicCode, missingInternalToken } from '@resona/errors';
import { AuditAction, appendAudit, auditEntry } from '@resona/audit';
import { DeniedBurstDetector, RequestAudit, principalKey } from './audit.js';
import { ConsentChecker, type ConsentSource } from './consent.js';
import type { SubgraphContext } from './context.js';
import { serveSubscriptions } from './websocket.js';
import { buildShield } from './permissions.js';

export interface SubgraphDefinition<C extends SubgraphContext> {
  /** The subgraph's name in the supergraph (`identity`, `conversation`, …). */
  name: string;
  /** Path of the subgraph's `schema.graphql`. */
  schemaPath: string;
  resolvers: GraphQLResolverMap<C>;
  /** graphql-shield rules; every field without one is denied. */
  permissions: IRules;
  /** Adds the subgraph's per-request loaders and services to the base context. */
  context: (base: SubgraphContext) => C;
}

export interface SubgraphDependencies {
  orm: Orm;
  /** Public key that verifies the gateway's internal identity tokens. */
  internalTokenKey: CryptoKey;
  logger: Logger;
  /** Largest request body accepted. Default `1mb`. */
  bodyLimit?: string;
  /**
   * Where CLINIC_SHARING consents are looked up (privacy, or privacy's own table). Default none:
   * nobody but the person reads their data.
   */
  consentSource?: ConsentSource;
  /** Denied requests per principal per minute before an `ACCESS_DENIED_BURST` is recorded. Default 20. */
  deniedBurstThreshold?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SubgraphServer {
  name: string;
  app: express.Express;
  /** Listens on `port` (0 picks a free one) and resolves once the server accepts requests. */
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** Reads and parses a subgraph's SDL. */
export const loadTypeDefs = (schemaPath: string) => parse(readFileSync(schemaPath, 'utf8'));

/**
 * Builds a subgraph: Apollo Server 5 with `buildSubgraphSchema`, shield (deny by default), the
 * internal-token check on every request, masked errors, `/health` and `/ready`. Never listens by
 * itself; `listen` does.
 */
export async function createSubgraphServer<C extends SubgraphContext>(
  definition: SubgraphDefinition<C>,
  deps: SubgraphDependencies,
): Promise<SubgraphServer> {
  const { orm, logger } = deps;
  const schema = applyMiddleware(
    buildSubgraphSchema({ typeDefs: loadTypeDefs(definition.schemaPath), resolvers: definition.resolvers as GraphQLResolverMap<unknown> }),
    buildShield(definition.permissions),
  );
  const httpServer = http.createServer();
  const apollo = new ApolloServer<C>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // The process that owns the server stops it (stack, standalone entry): Apollo's own signal handlers
    // would stop it first, behind the outbox relays' backs, and then re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => maskError(formatted, error, logger),
    // Inline traces are for Apollo's hosted studio, which we do not use.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      requestLogPlugin(logger),
      auditPlugin(orm, logger, new DeniedBurstDetector(deps.deniedBurstThreshold)),
    ],
  });
  await apollo.start();
  const verifiedTokens = new VerifiedTokenCache<Principal & { expiresAtMs: number }>();

  /** The caller the gateway vouches for, from `Authorization: Bearer <internal token>`; anything else is refused. */
  const authenticate = async (authorization: string | undefined, requestId: string | null): Promise<Principal & { expiresAtMs: number }> => {
    const token = bearerToken(authorization);
    if (!token) throw missingInternalToken();
    try {
      const verified = await verifiedTokens.verify(token, (t) => verifyInternalToken(deps.internalTokenKey, t), (p) => p.expiresAtMs);
      return { ...verified, requestId: requestId ? requestId.slice(0, 64) : null };
    } catch {
      throw missingInternalToken();
    }
  };
  /** A fresh context: per HTTP request, and per subscription event (so every event is authorized anew). */
  const contextFor = (principal: Principal): C => {
    const base: SubgraphContext = {
      principal,
      em: orm.orm.em.fork() as SubgraphContext['em'],
      logger: logger.child({ requestId: principal.requestId }),
      consent: new ConsentChecker(deps.consentSource, principal.clinicId, principal.requestId),
      audit: new RequestAudit(principal),
    };
    return definition.context(base);
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: definition.name });
  });
  app.get('/ready', async (_req, res) => {
    const database = await orm.ping();
    res.status(database ? 200 : 503).json({ status: database ? 'ok' : 'unavailable', service: definition.name, database });
  });
  app.use(
    '/graphql',
    express.json({ limit: deps.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = req.headers['x-request-id'];
        const principal = await authenticate(req.headers.authorization, typeof requestId === 'string' ? requestId : null);
        return contextFor(principal);
      },
    }),
  );
  app.use(jsonErrorHandler(logger));
  httpServer.on('request', app);
  const subscriptions = schema.getSubscriptionType()
    ? serveSubscriptions({ httpServer, schema, authenticate, contextFor, orm, logger, formatError: (e) => maskError(e.toJSON(), e, logger) })
    : undefined;

  return {
    name: definition.name,
    app,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host, async () => {
      await subscriptions?.close();
      await apollo.stop();
    }),
  };
}

/**
 * Express's last error handler: malformed JSON and oversized bodies get a GraphQL-shaped error
 * (never an HTML page or a stack trace); anything else is logged and masked.
 */
export function jsonErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (err: { status?: number; type?: string }, _req, res, _next) => {
    const status = err.status && err.status < 500 ? err.status : 500;
    const message = err.type === 'entity.too.large' ? 'Request body is too large.' : status < 500 ? 'Malformed request.' : 'Internal server error';
    if (status >= 500) logger.error({ err }, 'unexpected error');
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR } }] });
  };
}

/** Starts `server` on `port` and returns its URL and a close function that drains it. */
export function listen(server: http.Server, port: number, host: string, stop: () => Promise<void>): Promise<RunningServer> {
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}/graphql`,
        port: actual,
        close: async () => {
          await stop();
          if (server.listening) await new Promise<void>((r) => server.close(() => r()));
        },
      });
    });
  });
}

/**
 * Coded errors we raise on purpose, and Apollo's request errors, pass as they are (without
 * stack traces); anything else is logged and replaced, so no SQL or internals reach a client.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = original instanceof GraphQLError ? original.extensions.code : formatted.extensions?.code;
  if (isPublicCode(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * At the end of every request: writes the reads of other people's data it collected (one record
 * per subject and resource type), and counts FORBIDDEN answers per principal for burst detection.
 * A read that cannot be recorded is not answered: the response becomes an error (fail closed).
 */
function auditPlugin(orm: Orm, logger: Logger, bursts: DeniedBurstDetector): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue?.audit) return; // the request failed before it had a context
          const log = contextValue.logger ?? logger;
          try {
            await contextValue.audit.flush(orm.orm.em.fork() as SubgraphContext['em']);
          } catch (err) {
            log.error({ err }, 'audit write failed; answer withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = { data: null, errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] };
            }
          }
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          const denied = errors.filter((e) => e.extensions?.code === ErrorCode.FORBIDDEN).length;
          if (!denied) return;
          const { principal } = contextValue;
          const { burst, count } = bursts.record(principalKey(principal), 1);
          if (!burst) return;
          log.warn({ principal: principalKey(principal), count }, 'access denied burst');
          try {
            await appendAudit(orm.orm.em.fork() as SubgraphContext['em'], [
              auditEntry(principal, { action: AuditAction.ACCESS_DENIED_BURST, detail: { deniedRequests: count, windowSeconds: 60 } }),
            ]);
          } catch (err) {
            log.error({ err }, 'audit write of a denied burst failed');
          }
        },
      };
    },
  };
}

/** One JSON log line per operation, with the request id the gateway assigned. */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          (contextValue?.logger ?? logger).debug({ operationName, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0 }, 'graphql request');
        },
      };
    },
  };
}
