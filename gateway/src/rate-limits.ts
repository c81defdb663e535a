import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '@resona/errors';

/** Requests allowed per minute for each kind of caller. */
export interface RateLimitSettings {
  /** Per client address, every request, signed in or not. Default 600. */
  perIp: number;
  /** Per signed-in person. Default 300. */
  perUser: number;
  /** Per partner API key. Default 1,200. */
  perApiKey: number;
}

export type RateLimitKind = keyof RateLimitSettings;

export interface RateLimiters {
  /** Resolves once Redis (when used) is connected, or after `timeoutMs`; until then the memory fallback counts. */
  ready(timeoutMs?: number): Promise<void>;
  /** Counts one request; throws a `RATE_LIMITED` error (HTTP 429 with Retry-After) when over. */
  consume(kind: RateLimitKind, key: string): Promise<void>;
  close(): Promise<void>;
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests. Try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * Fixed one-minute windows per kind and key, with rate-limiter-flexible: in memory by default,
 * in Redis when `redisUrl` is given so every gateway replica shares the counts (with an in-memory
 * fallback, so a Redis outage degrades to per-replica limits instead of refusing everyone).
 */
export function createRateLimiters(settings: RateLimitSettings, redisUrl?: string): RateLimiters {
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  redis?.on('error', () => {}); // the insurance limiter takes over; ioredis keeps reconnecting
  const limiters = new Map<RateLimitKind, RateLimiterAbstract>();
  for (const kind of Object.keys(settings) as RateLimitKind[]) {
    const options = { keyPrefix: `resona:rl:${kind}`, points: settings[kind], duration: 60 };
    limiters.set(
      kind,
      redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options),
    );
  }
  return {
    async ready(timeoutMs = 2_000) {
      if (!redis || redis.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async consume(kind, key) {
      try {
        await limiters.get(kind)!.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    },
    async close() {
      await redis?.quit().catch(() => {});
    },
  };
}
