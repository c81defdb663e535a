import { LRUCache } from 'lru-cache';

/**
 * Remembers tokens that already passed signature verification, until they expire. Verifying an
 * Ed25519 signature through WebCrypto costs about 1–2 ms here; a client sends the same access
 * token for 15 minutes and the gateway reuses an internal token for many requests, so the
 * signature is checked once and the claims reused. Keyed by the whole token, so nothing about a
 * token can change without a cache miss; entries drop at the token's expiry.
 */
export class VerifiedTokenCache<C extends object> {
  private readonly cache: LRUCache<string, { claims: C; expiresAtMs: number }>;

  /** @param max most tokens remembered. Default 10,000. */
  constructor(max = 10_000) {
    this.cache = new LRUCache({ max });
  }

  async verify(token: string, verify: (token: string) => Promise<C>, expiresAtMs: (claims: C) => number): Promise<C> {
    const hit = this.cache.get(token);
    if (hit && hit.expiresAtMs > Date.now()) return hit.claims;
    const claims = await verify(token);
    this.cache.set(token, { claims, expiresAtMs: expiresAtMs(claims) });
    return claims;
  }
}
