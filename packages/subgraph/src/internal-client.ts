import { anonymousPrincipal, signInternalToken, type CryptoKey } from '@resona/auth';
import { ErrorCode } from '@resona/errors';

/** How long an internal call may take before it fails with `SUBGRAPH_UNAVAILABLE`. Default 5000 ms. */
export const INTERNAL_CALL_TIMEOUT_MS = 5000;

/** Error codes of internal calls, so callers decide without parsing messages. */
export const InternalCallCode = {
  /** The peer did not answer (down, refused, timed out). */
  UNAVAILABLE: ErrorCode.SUBGRAPH_UNAVAILABLE,
  /** The peer answered with an HTTP error or GraphQL errors. */
  FAILED: 'INTERNAL_CALL_FAILED',
} as const;

/** The first GraphQL error a peer answered with. */
export interface PeerError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class InternalCallError extends Error {
  constructor(
    readonly code: (typeof InternalCallCode)[keyof typeof InternalCallCode],
    message: string,
    readonly url: string,
    /** What the peer said, when it answered with a GraphQL error (e.g. a BAD_USER_INPUT to pass on to the caller). */
    readonly peerError?: PeerError,
  ) {
    super(message);
    this.name = 'InternalCallError';
  }
}

export interface InternalClient {
  /** Sends `query` as Resona itself (a `service` principal); resolves to `data` or throws an `InternalCallError`. */
  request<D = any>(query: string, variables?: Record<string, unknown>, options?: { requestId?: string | null }): Promise<D>;
}

/** AbortSignal.timeout rejects with a DOMException named TimeoutError (not always an `Error` instance). */
const isTimeout = (error: unknown) => (error as { name?: string } | null)?.name === 'TimeoutError';

/** A token is reused for half its lifetime: signing per call would cost more than the call's own work. */
const TOKEN_REUSE_MS = 30_000;

/**
 * Calls another subgraph directly (not through the gateway) with a `service` token signed by the
 * internal-token private key. The peer verifies it like any gateway token.
 * @param timeoutMs default {@link INTERNAL_CALL_TIMEOUT_MS}.
 */
export function internalClient(url: string, signingKey: CryptoKey, options: { timeoutMs?: number } = {}): InternalClient {
  const timeoutMs = options.timeoutMs ?? INTERNAL_CALL_TIMEOUT_MS;
  let cached: { token: string; until: number } | null = null;
  const token = async () => {
    if (!cached || cached.until < Date.now()) {
      cached = { token: await signInternalToken(signingKey, anonymousPrincipal({ kind: 'service' })), until: Date.now() + TOKEN_REUSE_MS };
    }
    return cached.token;
  };
  return {
    async request(query, variables, { requestId } = {}) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await token()}`,
            ...(requestId ? { 'x-request-id': requestId } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = isTimeout(error) ? `timed out after ${timeoutMs} ms` : 'unreachable';
        throw new InternalCallError(InternalCallCode.UNAVAILABLE, `${url} ${reason}`, url);
      }
      let body: { data?: unknown; errors?: PeerError[] };
      try {
        body = (await response.json()) as typeof body;
      } catch (error) {
        if (isTimeout(error)) throw new InternalCallError(InternalCallCode.UNAVAILABLE, `${url} timed out after ${timeoutMs} ms`, url);
        throw new InternalCallError(InternalCallCode.FAILED, `${url} answered HTTP ${response.status} without JSON`, url);
      }
      if (!response.ok || body.errors?.length) {
        const first = body.errors?.[0];
        throw new InternalCallError(InternalCallCode.FAILED, `${url} answered HTTP ${response.status}: ${first?.extensions?.code ?? ''} ${first?.message ?? ''}`.trim(), url, first);
      }
      return body.data as never;
    },
  };
}
