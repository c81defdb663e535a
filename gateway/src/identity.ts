import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import {
  INTERNAL_TOKEN_TTL_SECONDS,
  VerifiedTokenCache,
  anonymousPrincipal,
  bearerToken,
  signInternalToken,
  verifyAccessToken,
  type AccessClaims,
  type CryptoKey,
  type Principal,
} from '@resona/auth';
import { unauthenticated } from '@resona/errors';

/** What the gateway knows about a request: who is calling, and how to vouch for them to subgraphs. */
export interface GatewayContext {
  principal: Principal;
  requestId: string;
  /** The internal token for this request, signed once and reused for every subgraph fetch. */
  internalToken(): Promise<string>;
}

export interface Authenticator {
  context(req: IncomingMessage): Promise<GatewayContext>;
}

/** Longest user agent we keep for consent and audit records. */
const MAX_USER_AGENT = 256;

/**
 * Signed internal tokens are reused while they have at least half their life left: the same
 * caller from the same address gets the same token, so subgraphs verify its signature once.
 */
class InternalTokenSigner {
  private readonly tokens = new LRUCache<string, { token: Promise<string>; reuseUntilMs: number }>({ max: 10_000 });

  constructor(private readonly key: CryptoKey) {}

  sign(principal: Principal): Promise<string> {
    const { requestId: _perRequest, ...identity } = principal;
    const cacheKey = JSON.stringify(identity);
    const cached = this.tokens.get(cacheKey);
    if (cached && cached.reuseUntilMs > Date.now()) return cached.token;
    const token = signInternalToken(this.key, { ...principal, requestId: null });
    this.tokens.set(cacheKey, { token, reuseUntilMs: Date.now() + (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2 });
    token.catch(() => this.tokens.delete(cacheKey));
    return token;
  }
}

export function createAuthenticator(keys: { accessTokenPublicKey: CryptoKey; internalTokenPrivateKey: CryptoKey }): Authenticator {
  const verifiedAccessTokens = new VerifiedTokenCache<AccessClaims>();
  const signer = new InternalTokenSigner(keys.internalTokenPrivateKey);
  return {
    async context(req) {
      const requestId = randomUUID();
      const header = req.headers.authorization;
      const base = anonymousPrincipal({
        ip: req.socket.remoteAddress ?? null,
        userAgent: (req.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT) || null,
        requestId,
      });
      let principal: Principal = base;
      if (header) {
        const token = bearerToken(header);
        if (!token) throw withStatus(unauthenticated('The Authorization header must be "Bearer <access token>".'));
        try {
          const claims = await verifiedAccessTokens.verify(
            token,
            (t) => verifyAccessToken(keys.accessTokenPublicKey, t),
            (c) => c.expiresAtMs!,
          );
          principal = { ...base, kind: 'user', userId: claims.userId, roles: claims.roles, clinicId: claims.clinicId, mfa: claims.mfa ?? false };
        } catch {
          throw withStatus(unauthenticated('Your access token is invalid or has expired.'));
        }
      }
      return { principal, requestId, internalToken: () => signer.sign(principal) };
    },
  };
}

/** A bad token is answered with HTTP 401 so clients know to refresh. */
function withStatus<E extends { extensions: Record<string, unknown> }>(error: E): E {
  error.extensions.http = { status: 401 };
  return error;
}
