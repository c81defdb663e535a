import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import {
  INTERNAL_TOKEN_TTL_SECONDS,
  VerifiedTokenCache,
  anonymousPrincipal,
  signInternalToken,
  verifyAccessToken,
  type AccessClaims,
  type CryptoKey,
  type Principal,
} from '@resona/auth';
import { ErrorCode, unauthenticated } from '@resona/errors';
import type { InternalClient } from '@resona/subgraph';
import { GraphQLError } from 'graphql';

/** What the gateway knows about a request: who is calling, and how to vouch for them to subgraphs. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
  /** When the caller's access token expires (epoch ms); a WebSocket closes then. */
  expiresAtMs?: number;
  /** The caller's session (refresh-token family); a WebSocket closes when it is ended. */
  sessionId?: string;
  /** The internal token for this request's principal (reused across requests while fresh). */
  internalToken(): Promise<string>;
}

export interface Authenticator {
  /** Authenticates an `Authorization` header value (HTTP header or `connection_init` payload). */
  authenticate(authorization: string | undefined, client: { ip: string | null; userAgent: string | null }): Promise<GatewayContext>;
  /** A context for the HTTP request `req`. */
  context(req: IncomingMessage, ip: string | null): Promise<GatewayContext>;
}

/** Longest user agent we keep for consent and audit records. */
const MAX_USER_AGENT = 256;
/** How long a verified API key is trusted before identity is asked again (a revoked key stops within this). */
const API_KEY_CACHE_MS = 10_000;

/** The partner scopes identity stores, as the subgraphs' rules name them. */
const SCOPE_NAMES: Record<string, string> = { RISK_READ: 'risk:read', EMOTION_READ: 'emotion:read', ALERTS_SUBSCRIBE: 'alerts:subscribe' };

export interface ApiKeyIdentity {
  keyId: string;
  clinicId: string;
  scopes: string[];
}

/**
 * Signed internal tokens are reused while they have at least half their life left: the same
 * caller from the same address gets the same token, so subgraphs verify its signature once.
 */
export class InternalTokenSigner {
  private readonly tokens = new LRUCache<string, { token: Promise<string>; reuseUntilMs: number }>({ max: 10_000 });

  constructor(private readonly key: CryptoKey) {}

  sign(principal: Principal): Promise<string> {
    const identity = { ...principal, requestId: null };
    const cacheKey = JSON.stringify(identity);
    const cached = this.tokens.get(cacheKey);
    if (cached && cached.reuseUntilMs > Date.now()) return cached.token;
    const token = signInternalToken(this.key, identity);
    this.tokens.set(cacheKey, { token, reuseUntilMs: Date.now() + (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2 });
    token.catch(() => this.tokens.delete(cacheKey));
    return token;
  }
}

function invalidCredentials(message: string): GraphQLError {
  // HTTP 401 so clients know to refresh or fix their key.
  const error = unauthenticated(message);
  error.extensions.http = { status: 401 };
  return error;
}

export function createAuthenticator(options: {
  accessTokenPublicKey: CryptoKey;
  signer: InternalTokenSigner;
  /** Asks identity about an API key (as a Resona service); null when unknown, revoked or expired. */
  verifyApiKey: (key: string) => Promise<ApiKeyIdentity | null>;
}): Authenticator {
  const verifiedAccessTokens = new VerifiedTokenCache<AccessClaims>();
  const apiKeys = new LRUCache<string, { identity: Promise<ApiKeyIdentity | null> }>({ max: 10_000, ttl: API_KEY_CACHE_MS });

  async function principalFor(authorization: string | undefined, base: Principal): Promise<{ principal: Principal; expiresAtMs?: number; sessionId?: string }> {
    if (!authorization) return { principal: base };
    const [scheme, credential, ...rest] = authorization.trim().split(/\s+/);
    if (!credential || rest.length) throw invalidCredentials('The Authorization header must be "Bearer <access token>" or "ApiKey <key>".');
    if (scheme === 'Bearer') {
      try {
        const claims = await verifiedAccessTokens.verify(credential, (t) => verifyAccessToken(options.accessTokenPublicKey, t), (c) => c.expiresAtMs!);
        return {
          principal: { ...base, kind: 'user', userId: claims.userId, roles: claims.roles, clinicId: claims.clinicId, mfa: claims.mfa ?? false },
          expiresAtMs: claims.expiresAtMs,
          sessionId: claims.sessionId,
        };
      } catch {
        throw invalidCredentials('Your access token is invalid or has expired.');
      }
    }
    if (scheme === 'ApiKey') {
      const cacheKey = createHash('sha256').update(credential).digest('hex');
      let entry = apiKeys.get(cacheKey);
      if (!entry) {
        entry = { identity: options.verifyApiKey(credential) };
        apiKeys.set(cacheKey, entry);
        entry.identity.catch(() => apiKeys.delete(cacheKey));
      }
      const identity = await entry.identity;
      if (!identity) throw invalidCredentials('This API key is unknown, revoked or expired.');
      return {
        principal: { ...base, kind: 'partner', clinicId: identity.clinicId, apiKey: { id: identity.keyId, scopes: identity.scopes.map((s) => SCOPE_NAMES[s] ?? s) } },
      };
    }
    throw invalidCredentials('The Authorization header must be "Bearer <access token>" or "ApiKey <key>".');
  }

  const authenticate: Authenticator['authenticate'] = async (authorization, client) => {
    const requestId = randomUUID();
    const base = anonymousPrincipal({ ip: client.ip, userAgent: client.userAgent?.slice(0, MAX_USER_AGENT) || null, requestId });
    const { principal, expiresAtMs, sessionId } = await principalFor(authorization, base);
    return { principal, requestId, expiresAtMs, sessionId, internalToken: () => options.signer.sign(principal) };
  };

  return {
    authenticate,
    context: (req, ip) => authenticate(req.headers.authorization, { ip, userAgent: req.headers['user-agent'] ?? null }),
  };
}

/** Asks identity's service-only `verifyApiKey`, as a Resona service (`internalClient`). */
export function identityApiKeyVerifier(identity: InternalClient) {
  return async (key: string): Promise<ApiKeyIdentity | null> => {
    try {
      const data = await identity.request<{ verifyApiKey: ApiKeyIdentity | null }>(
        'query($key: String!) { verifyApiKey(key: $key) { keyId clinicId scopes } }',
        { key },
      );
      return data.verifyApiKey;
    } catch {
      throw new GraphQLError('API keys cannot be checked right now; try again shortly.', {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'identity', http: { status: 503 } },
      });
    }
  };
}
