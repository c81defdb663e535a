import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { anonymousPrincipal, bearerToken, signInternalToken, verifyAccessToken, type CryptoKey, type Principal } from '@resona/auth';
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

export function createAuthenticator(keys: { accessTokenPublicKey: CryptoKey; internalTokenPrivateKey: CryptoKey }): Authenticator {
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
          const claims = await verifyAccessToken(keys.accessTokenPublicKey, token);
          principal = { ...base, kind: 'user', userId: claims.userId, roles: claims.roles, clinicId: claims.clinicId };
        } catch {
          throw withStatus(unauthenticated('Your access token is invalid or has expired.'));
        }
      }
      let signed: Promise<string> | undefined;
      return { principal, requestId, internalToken: () => (signed ??= signInternalToken(keys.internalTokenPrivateKey, principal)) };
    },
  };
}

/** A bad token is answered with HTTP 401 so clients know to refresh. */
function withStatus<E extends { extensions: Record<string, unknown> }>(error: E): E {
  error.extensions.http = { status: 401 };
  return error;
}
