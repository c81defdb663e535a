import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { GraphQLError, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { importPrivateKey, importPublicKey, pemFromConfig } from '@resona/auth';
import { ErrorCode, isPublicCode, unauthenticated } from '@resona/errors';
import { internalClient, jsonErrorHandler, listen, type RunningServer } from '@resona/subgraph';
import { subgraphUrlOverrides, type GatewayConfig } from './config.js';

export { gatewayConfigSchema, type GatewayConfig } from './config.js';
import { InternalTokenSigner, createAuthenticator, identityApiKeyVerifier, type GatewayContext } from './identity.js';
import { LIMITS, limitRules } from './limits.js';
import { createRateLimiters } from './rate-limits.js';
import { loadManifest, trustedDocuments } from './trusted-documents.js';
import { createSubscriptionServer } from './subscriptions.js';
import { createPubSub } from '@resona/pubsub';

export interface Gateway {
  app: express.Express;
  /** Subgraph name → GraphQL URL, as the gateway calls them. */
  subgraphs: Record<string, string>;
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** Reads the supergraph SDL from a file path or an http(s) URL. */
export async function loadSupergraph(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`Could not fetch the supergraph from ${source}: HTTP ${response.status}`);
    return response.text();
  }
  return readFileSync(source, 'utf8');
}

/** The subgraphs' names and URLs listed in a supergraph (`@join__graph(name:, url:)`). */
export function supergraphSubgraphs(supergraphSdl: string): Record<string, string> {
  const subgraphs: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) subgraphs[match[1]!] = match[2]!;
  return subgraphs;
}

/**
 * Sends every subgraph request with the caller's internal identity token, over keep-alive
 * connections (Node's fetch pools them), and gives up after the configured timeout.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, timeoutMs: number) {
    super({
      url,
      fetcher: async (input, init) => {
        try {
          return (await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit)) as never;
        } catch {
          // Refused, reset or timed out: say which service, so the client knows what is missing.
          throw new GraphQLError(`The ${name} service is unavailable; its part of the answer is missing.`, {
            extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: name },
          });
        }
      },
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('internalToken' in context)) return; // the gateway's own health checks carry no caller
    request.http?.headers.set('authorization', `Bearer ${await context.internalToken()}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

export interface GatewayOptions {
  /**
   * Rate limits, GraphQL limits, security headers and CORS. Default true. Turned off only by
   * `pnpm bench:auth`, to measure what they cost; never in a deployment.
   */
  protections?: boolean;
}

/** The two API schemas one gateway serves: the public one, and the partner contract chosen by API keys. */
export interface Supergraphs {
  public: string;
  partner: string;
}

/** Who a request is for: partner systems (`Authorization: ApiKey …`) get the partner contract. */
export type Audience = keyof Supergraphs;
export const audienceOf = (authorization: string | undefined): Audience => (/^ApiKey\s/.test(authorization ?? '') ? 'partner' : 'public');

export async function createGateway(config: GatewayConfig, supergraphs: Supergraphs, logger: Logger, options: GatewayOptions = {}): Promise<Gateway> {
  const protections = options.protections ?? true;
  const supergraphSdl = supergraphs.public;
  const keys = {
    accessTokenPublicKey: await importPublicKey(pemFromConfig(config.ACCESS_TOKEN_PUBLIC_KEY, { dataDir: config.DATA_DIR, name: 'access-token', part: 'public' })),
    internalTokenPrivateKey: await importPrivateKey(
      pemFromConfig(config.INTERNAL_TOKEN_PRIVATE_KEY, { dataDir: config.DATA_DIR, name: 'internal-token', part: 'private' }),
    ),
  };
  const subgraphs = { ...supergraphSubgraphs(supergraphSdl), ...subgraphUrlOverrides(config) };
  const signer = new InternalTokenSigner(keys.internalTokenPrivateKey);
  const authenticator = createAuthenticator({
    accessTokenPublicKey: keys.accessTokenPublicKey,
    signer,
    verifyApiKey: identityApiKeyVerifier(internalClient(subgraphs.identity!, keys.internalTokenPrivateKey, { timeoutMs: config.SUBGRAPH_TIMEOUT_MS })),
  });
  const rateLimiters = createRateLimiters(
    { perIp: config.RATE_LIMIT_PER_IP, perUser: config.RATE_LIMIT_PER_USER, perApiKey: config.RATE_LIMIT_PER_API_KEY },
    config.REDIS_URL,
  );
  // One data source per subgraph, shared by queries (ApolloGateway) and subscriptions (ours).
  const dataSources = Object.fromEntries(
    Object.entries(subgraphs).map(([name, url]) => [name, new AuthenticatedDataSource(name, url, config.SUBGRAPH_TIMEOUT_MS)]),
  );
  await rateLimiters.ready();
  const production = config.NODE_ENV === 'production';
  const httpServer = http.createServer();
  const buildApollo = async (audience: Audience) => {
    const server = new ApolloServer<GatewayContext>({
      gateway: new ApolloGateway({ supergraphSdl: supergraphs[audience], buildService: ({ name }) => dataSources[name]!, logger }),
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // Introspection is decided per caller (see introspectionPolicy): partners may always introspect.
      introspection: true,
      includeStacktraceInErrorResponses: false,
      // The process that owns the server stops it (stack, standalone entry): Apollo's own signal handlers
      // would stop it first, behind the outbox relays' backs, and then re-raise the signal.
      stopOnTerminationSignals: false,
      // No "Did you mean …?" in production: suggestions map a schema for whoever asks.
      hideSchemaDetailsFromClientErrors: production,
      parseOptions: protections ? { maxTokens: LIMITS.maxTokens } : {},
      validationRules: protections ? limitRules() : [],
      formatError: (formatted, error) => maskGatewayError(formatted, error, logger),
      plugins: [
        // One drain for the shared HTTP server is enough.
        ...(audience === 'public' ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
        introspectionPolicy(production),
        ...(production || audience === 'partner' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ],
    });
    await server.start();
    return server;
  };
  const apollo: Record<Audience, ApolloServer<GatewayContext>> = { public: await buildApollo('public'), partner: await buildApollo('partner') };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  if (protections) {
    app.use(
      helmet({
        // The development landing page (Apollo Sandbox) needs scripts from its CDN; production has no page.
        contentSecurityPolicy: production ? { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } : false,
        frameguard: { action: 'deny' },
        strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      }),
    );
    app.use(cors({ origin: config.CORS_ORIGINS, credentials: false, maxAge: 600 }));
  }
  app.get('/health', async (_req, res) => {
    const report = await checkSubgraphs(subgraphs);
    const healthy = Object.values(report).every((state) => state === 'up');
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', subgraphs: report });
  });
  const contextFor = (audience: Audience) => async ({ req }: { req: express.Request }): Promise<GatewayContext> => {
    const context = await authenticator.context(req, req.ip ?? null);
    const { principal } = context;
    if (audience === 'partner' && principal.kind !== 'partner') throw unauthenticated('The partner API needs an API key.');
    if (protections && principal.kind === 'user') await rateLimiters.consume('perUser', principal.userId!);
    if (protections && principal.kind === 'partner') await rateLimiters.consume('perApiKey', principal.apiKey!.id);
    return context;
  };
  const middleware: Record<Audience, express.RequestHandler> = {
    public: expressMiddleware(apollo.public, { context: contextFor('public') }),
    partner: expressMiddleware(apollo.partner, { context: contextFor('partner') }),
  };
  const smallBodies = express.json({ limit: LIMITS.maxBodyBytes });
  const personBodies = express.json({ limit: LIMITS.maxPersonBodyBytes });
  const manifest = config.TRUSTED_DOCUMENTS === 'off' ? new Map<string, string>() : loadManifest(config.TRUSTED_DOCUMENTS_MANIFEST);
  app.use(
    '/graphql',
    // Per-address limit first: cheapest refusal, before the body is even read.
    async (req, res, next) => {
      try {
        if (protections) await rateLimiters.consume('perIp', req.ip ?? 'unknown');
        next();
      } catch (error) {
        if (!(error instanceof GraphQLError)) return next(error);
        const retryAfter = String(error.extensions.retryAfterSeconds);
        res.status(429).set('retry-after', retryAfter).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: Number(retryAfter) } }] });
      }
    },
    // Voice messages need megabytes: only a signed-in person's request may be that large (the
    // token check is cached); anonymous callers, partner keys and bad tokens keep the small limit.
    async (req, res, next) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared <= LIMITS.maxBodyBytes) return smallBodies(req, res, next);
      const person = await authenticator.context(req, req.ip ?? null).then((c) => c.principal.kind === 'user', () => false);
      (person ? personBodies : smallBodies)(req, res, next);
    },
    trustedDocuments(config.TRUSTED_DOCUMENTS, manifest),
    // The API schema is chosen per request: partner systems only ever see (and validate against) the contract.
    (req, res, next) => middleware[audienceOf(req.headers.authorization)](req, res, next),
  );
  app.use(jsonErrorHandler(logger));
  httpServer.on('request', app);
  const pubsub = createPubSub(config.REDIS_URL);
  const subscriptions = createSubscriptionServer({
    httpServer,
    path: '/graphql',
    supergraphs,
    dataSources,
    subgraphUrls: subgraphs,
    authenticator,
    rateLimiters: protections ? rateLimiters : undefined,
    pubsub,
    logger,
    limits: protections,
  });

  return {
    app,
    subgraphs,
    listen: (port, host = config.HOST) =>
      listen(httpServer, port, host, async () => {
        await subscriptions.close();
        await apollo.partner.stop();
        await apollo.public.stop();
        await rateLimiters.close();
        await pubsub.close();
      }),
  };
}

/**
 * In production, introspection is for partner systems only (they build against the partner schema
 * with their tools); the public schema is shipped to our apps as generated code instead.
 */
function introspectionPolicy(production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!production || contextValue.principal.kind === 'partner') return;
          if (operation && selectsIntrospection(operation)) {
            throw new GraphQLError('Introspection is disabled.', { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
          }
        },
      };
    },
  };
}

function selectsIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some((s) => s.kind === 'Field' && (s.name.value === '__schema' || s.name.value === '__type'));
}

/** Asks each subgraph's `/health`; a subgraph that does not answer within 2 s is `down`. */
async function checkSubgraphs(subgraphs: Record<string, string>): Promise<Record<string, 'up' | 'down'>> {
  const entries = await Promise.all(
    Object.entries(subgraphs).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
        return [name, response.ok ? 'up' : 'down'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Errors the subgraphs coded on purpose pass through (and `SUBGRAPH_UNAVAILABLE`, which the data
 * source raises naming the service); everything else is masked so no internals reach a client.
 */
export function maskGatewayError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const extensions = formatted.extensions ?? {};
  const code = original instanceof GraphQLError ? original.extensions.code : extensions.code;
  if (isPublicCode(code)) {
    const { stacktrace: _drop, exception: _drop2, ...rest } = extensions as Record<string, unknown>;
    return { ...formatted, extensions: { ...rest, code } };
  }
  logger.error({ err: original, message: formatted.message, path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
