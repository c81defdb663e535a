import { Redis } from 'ioredis';

/** The Redis the tests of shared counters and events use (started on this machine before the tests). */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Fails, saying how to start it, when Redis does not answer at `url`. */
export async function requireRedis(url = TEST_REDIS_URL): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
  } catch {
    throw new Error(`Redis is not reachable at ${url}; start it with: redis-server --daemonize yes --port 6379`);
  } finally {
    probe.disconnect();
  }
}
