import { expect, it } from '@jest/globals';
import { SharedStream } from '../src/subscriptions.js';

/** A source we push into by hand. */
function source<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let returned = 0;
  return {
    push(value: T) {
      queue.push(value);
      wake?.();
    },
    get returned() {
      return returned;
    },
    iterator: {
      async next(): Promise<IteratorResult<T>> {
        while (!queue.length && !ended) await new Promise<void>((r) => (wake = r));
        return queue.length ? { value: queue.shift()!, done: false } : { value: undefined, done: true };
      },
      async return(): Promise<IteratorResult<T>> {
        returned++;
        ended = true;
        wake?.();
        return { value: undefined, done: true };
      },
    } as AsyncIterator<T>,
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

it('fans one source out to every subscriber, and a slow subscriber is ended without holding up the others', async () => {
  const events = source<number>();
  let idle = false;
  const shared = new SharedStream(events.iterator, () => (idle = true), 3);
  const fast = shared.join();
  const slow = shared.join();
  const received: number[] = [];
  const reading = (async () => {
    for await (const value of fast) {
      received.push(value);
      if (received.length === 10) break;
    }
  })();
  for (let i = 0; i < 10; i++) {
    events.push(i);
    await tick();
  }
  await reading;
  expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // The slow one never read: it gets what fit in its bound, then an error saying why.
  const slowValues: number[] = [];
  const error = await (async () => {
    try {
      for await (const value of slow) slowValues.push(value);
    } catch (e) {
      return e as { extensions?: { code?: string } };
    }
  })();
  expect(slowValues).toEqual([0, 1, 2]);
  expect(error?.extensions?.code).toBe('SLOW_CONSUMER');
  // Both gone: the shared source is released.
  await tick();
  expect(idle).toBe(true);
  expect(events.returned).toBe(1);
});
