import { afterAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TEST_REDIS_URL as REDIS_URL, requireRedis } from '@resona/testing';
import { createRateLimiters, type RateLimiters } from '../src/rate-limits.js';

const opened: RateLimiters[] = [];
afterAll(() => Promise.all(opened.map((l) => l.close())));

it('two gateway replicas share one count through Redis', async () => {
  await requireRedis();
  const settings = { perIp: 1000, perUser: 5, perApiKey: 1000 };
  const replicaA = createRateLimiters(settings, REDIS_URL);
  const replicaB = createRateLimiters(settings, REDIS_URL);
  opened.push(replicaA, replicaB);
  await Promise.all([replicaA.ready(), replicaB.ready()]);
  const user = randomUUID();
  for (let i = 0; i < 3; i++) await replicaA.consume('perUser', user);
  await replicaB.consume('perUser', user);
  await replicaB.consume('perUser', user);
  await expect(replicaB.consume('perUser', user)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  await expect(replicaA.consume('perUser', user)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
});

it('memory limits count per key', async () => {
  const limiters = createRateLimiters({ perIp: 2, perUser: 2, perApiKey: 2 });
  opened.push(limiters);
  await limiters.consume('perIp', 'a');
  await limiters.consume('perIp', 'a');
  await limiters.consume('perIp', 'b');
  const error = await limiters.consume('perIp', 'a').catch((e) => e);
  expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  expect(error.extensions.http.status).toBe(429);
});
