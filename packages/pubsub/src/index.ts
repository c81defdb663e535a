import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

export type Handler = (payload: unknown) => void;

/**
 * How services tell each other that something happened (a crisis alert raised, a reading made,
 * a consent revoked, a session ended). In one process by default; through Redis when `REDIS_URL`
 * is set, so any replica of any service hears what any other replica published.
 * Messages are JSON; delivery is at most once (durable delivery lives in each service's outbox).
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Calls `handler` for every message on `topic` until the returned function is called. */
  subscribe(topic: string, handler: Handler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Topic names, in one place so publishers and subscribers cannot drift apart. */
export const Topic = {
  crisisAlert: (clinicId: string) => `crisis-alert:${clinicId}`,
  emotionReading: (userId: string) => `emotion-reading:${userId}`,
  riskAssessment: (userId: string) => `risk-assessment:${userId}`,
  /** A consent was revoked: streams that depended on it end. */
  consentRevoked: (userId: string) => `consent-revoked:${userId}`,
  /** A session (refresh-token family) was ended: sockets opened with it close. */
  sessionRevoked: (sessionId: string) => `session-revoked:${sessionId}`,
} as const;

export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown) {
    // A copy through JSON, so in-process delivery behaves like Redis (no shared mutable objects, no Dates).
    const message = JSON.parse(JSON.stringify(payload));
    this.emitter.emit(topic, message);
  }

  async subscribe(topic: string, handler: Handler) {
    this.emitter.on(topic, handler);
    return async () => {
      this.emitter.off(topic, handler);
    };
  }

  async close() {
    this.emitter.removeAllListeners();
  }
}

/** Redis pub/sub: one publishing connection and one subscribing connection per process. */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly counts = new Map<string, number>();

  constructor(url: string) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: 3 });
    this.subscriber.on('message', (topic: string, message: string) => {
      try {
        this.local.emit(topic, JSON.parse(message));
      } catch {
        // not ours; ignore
      }
    });
  }

  async publish(topic: string, payload: unknown) {
    await this.publisher.publish(topic, JSON.stringify(payload));
  }

  async subscribe(topic: string, handler: Handler) {
    this.local.on(topic, handler);
    const count = (this.counts.get(topic) ?? 0) + 1;
    this.counts.set(topic, count);
    if (count === 1) await this.subscriber.subscribe(topic);
    let active = true;
    return async () => {
      if (!active) return;
      active = false;
      this.local.off(topic, handler);
      const left = (this.counts.get(topic) ?? 1) - 1;
      if (left === 0) {
        this.counts.delete(topic);
        await this.subscriber.unsubscribe(topic).catch(() => {});
      } else this.counts.set(topic, left);
    };
  }

  async close() {
    this.local.removeAllListeners();
    await Promise.all([this.publisher.quit().catch(() => {}), this.subscriber.quit().catch(() => {})]);
  }
}

/**
 * One in-process bus per process, shared by every service in it (the all-in-one default), so a
 * reading made in emotion reaches a subscription served by emotion and a consent revoked in
 * privacy ends a stream in emotion.
 */
let processBus: MemoryPubSub | undefined;

/** The PubSub for `redisUrl`, or the process's in-memory bus when unset. */
export function createPubSub(redisUrl?: string): PubSub {
  if (redisUrl) return new RedisPubSub(redisUrl);
  processBus ??= new MemoryPubSub();
  return { publish: (t, p) => processBus!.publish(t, p), subscribe: (t, h) => processBus!.subscribe(t, h), close: async () => {} };
}

/**
 * Turns PubSub messages into an async iterator (what a GraphQL subscription resolver returns),
 * with a bounded buffer: a consumer that falls more than `maxBuffered` messages behind fails
 * with `SlowConsumerError` instead of growing memory without end.
 */
export class SlowConsumerError extends Error {}

export function iterate<T>(pubsub: PubSub, topics: string[], options: { maxBuffered?: number } = {}): AsyncIterableIterator<T> {
  const maxBuffered = options.maxBuffered ?? 1_000;
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let failing: ((error: Error) => void) | undefined;
  let failure: Error | undefined;
  let done = false;
  const unsubscribers = Promise.all(
    topics.map((topic) =>
      pubsub.subscribe(topic, (payload) => {
        if (done) return;
        if (waiting) {
          const resolve = waiting;
          waiting = failing = undefined;
          resolve({ value: payload as T, done: false });
        } else if (buffer.length >= maxBuffered) {
          failure = new SlowConsumerError(`More than ${maxBuffered} events waiting; this subscriber is too slow.`);
          failing?.(failure);
        } else buffer.push(payload as T);
      }),
    ),
  );
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      waiting?.({ value: undefined, done: true });
      for (const unsubscribe of await unsubscribers) await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      await unsubscribers; // subscribed before the first read, so nothing published after subscribe is lost
      if (failure) {
        await finish();
        throw failure;
      }
      if (buffer.length) return { value: buffer.shift()!, done: false };
      if (done) return { value: undefined, done: true };
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        failing = reject;
      });
    },
    return: finish,
    async throw(error) {
      await finish();
      throw error;
    },
  };
}

/**
 * Maps each value of an async iterator (a subscription's source events to results). Ending the
 * mapped iterator ends the source, so upstream subscriptions are released.
 */
export function mapAsyncIterator<T, U>(source: AsyncIterator<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const next = await source.next();
      return next.done ? { value: undefined, done: true } : { value: await map(next.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error) {
      await source.return?.();
      throw error;
    },
  };
}
