import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { rateLimited } from './secrets.js';

/** Consecutive failed logins for one email before it is locked. */
export const LOGIN_FAILURES_PER_EMAIL = 5;
/** Failed logins from one IP address (any email) before it is locked. */
export const LOGIN_FAILURES_PER_IP = 20;
/** How long a lock lasts, and the window in which failures add up. */
export const LOCKOUT_SECONDS = 15 * 60;
/** Password-reset requests for one email per hour. */
export const RESET_REQUESTS_PER_EMAIL = 5;

/**
 * Brute-force lockout for logins and password resets: in memory by default, in Redis (shared by
 * every replica) when a client is given. Keys are email hashes and IP addresses, never emails.
 */
export class LoginLockout {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;
  private readonly resets: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `resona:${keyPrefix}`, points, duration }) : new RateLimiterMemory({ keyPrefix, points, duration });
    this.byEmail = make('login-email', LOGIN_FAILURES_PER_EMAIL, LOCKOUT_SECONDS);
    this.byIp = make('login-ip', LOGIN_FAILURES_PER_IP, LOCKOUT_SECONDS);
    this.resets = make('reset-email', RESET_REQUESTS_PER_EMAIL, 60 * 60);
  }

  /** Throws `RATE_LIMITED` when the email or the IP address is locked. */
  async check(emailHash: string, ip: string | null): Promise<void> {
    for (const [limiter, key, points] of this.keys(emailHash, ip)) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= points) throw rateLimited(state.msBeforeNext / 1000);
    }
  }

  /** Counts a failed login; true when it locked the email (or the IP address) just now. */
  async fail(emailHash: string, ip: string | null): Promise<boolean> {
    let locked = false;
    for (const [limiter, key] of this.keys(emailHash, ip)) {
      const state = await limiter.consume(key).catch((rejected: unknown) => {
        if (rejected instanceof RateLimiterRes) return rejected;
        throw rejected;
      });
      if (state.remainingPoints === 0) {
        await limiter.block(key, LOCKOUT_SECONDS);
        locked = true;
      }
    }
    return locked;
  }

  /** A successful login (or password reset) clears the email's failures. */
  async succeed(emailHash: string): Promise<void> {
    await this.byEmail.delete(emailHash);
  }

  /** Counts a password-reset request; throws `RATE_LIMITED` past the limit (the same for any email). */
  async resetRequested(emailHash: string): Promise<void> {
    try {
      await this.resets.consume(emailHash);
    } catch (rejected) {
      if (rejected instanceof RateLimiterRes) throw rateLimited(rejected.msBeforeNext / 1000);
      throw rejected;
    }
  }

  private keys(emailHash: string, ip: string | null): [RateLimiterAbstract, string, number][] {
    const keys: [RateLimiterAbstract, string, number][] = [[this.byEmail, emailHash, LOGIN_FAILURES_PER_EMAIL]];
    if (ip) keys.push([this.byIp, ip, LOGIN_FAILURES_PER_IP]);
    return keys;
  }
}
