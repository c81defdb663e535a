import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TEST_REDIS_URL as REDIS_URL, requireRedis } from '@resona/testing';
import { MemoryPubSub, RedisPubSub, SlowConsumerError, iterate, type PubSub } from '../src/index.js';

const opened: PubSub[] = [];
afterAll(() => Promise.all(opened.map((p) => p.close())));


describe.each([
  ['memory', async () => new MemoryPubSub()],
  ['redis', async () => (await requireRedis(), new RedisPubSub(REDIS_URL))],
])('%s pubsub', (_name, make) => {
  it('delivers to every subscriber of a topic, in order, until unsubscribed', async () => {
    const pubsub = await make();
    opened.push(pubsub);
    const topic = `t-${randomUUID()}`;
    const seen: unknown[] = [];
    const stop = await pubsub.subscribe(topic, (m) => seen.push(m));
    const iterator = iterate<{ n: number }>(pubsub, [topic]);
    const first = iterator.next();
    await new Promise((r) => setTimeout(r, 50));
    await pubsub.publish(topic, { n: 1 });
    await pubsub.publish(topic, { n: 2 });
    expect((await first).value).toEqual({ n: 1 });
    expect((await iterator.next()).value).toEqual({ n: 2 });
    await stop();
    await iterator.return!();
    await pubsub.publish(topic, { n: 3 });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });
});

it('two Redis-backed processes hear each other', async () => {
  await requireRedis();
  const a = new RedisPubSub(REDIS_URL);
  const b = new RedisPubSub(REDIS_URL);
  opened.push(a, b);
  const topic = `t-${randomUUID()}`;
  const iterator = iterate<{ from: string }>(b, [topic]);
  const next = iterator.next();
  await new Promise((r) => setTimeout(r, 50));
  await a.publish(topic, { from: 'a' });
  expect((await next).value).toEqual({ from: 'a' });
  await iterator.return!();
});

it('fails a consumer that falls too far behind instead of buffering without end', async () => {
  const pubsub = new MemoryPubSub();
  const iterator = iterate<number>(pubsub, ['slow'], { maxBuffered: 3 });
  const first = iterator.next();
  await pubsub.publish('slow', 0);
  expect((await first).value).toBe(0);
  for (let i = 1; i <= 5; i++) await pubsub.publish('slow', i);
  await expect(iterator.next()).rejects.toBeInstanceOf(SlowConsumerError);
});
