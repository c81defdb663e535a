import { GraphQLError } from 'graphql';
import type { Principal } from '@resona/auth';
import { ErrorCode, forbidden } from '@resona/errors';
import { Topic, iterate, type PubSub } from '@resona/pubsub';

/**
 * Live streams of one person's events for subscription resolvers, shared by every subgraph that
 * streams patient data (emotion readings, risk assessments).
 */

/** What a clinician or partner reads when the person stops sharing mid-stream. */
export const CONSENT_WITHDRAWN_MESSAGE = 'The person withdrew consent to share with your clinic.';

/** The last event of a stream that ends for a reason: resolving it raises `error`. */
export class StreamEnd {
  constructor(readonly error: GraphQLError) {}
}

/** What privacy publishes on `Topic.consentRevoked(userId)`. */
interface ConsentRevoked {
  type: string;
  clinicId: string | null;
}

/**
 * One person's live events on `topic`, as an async iterator for a subscription resolver.
 *
 * For anyone but the person themself it also listens for their revoked consents: when a
 * CLINIC_SHARING consent for the caller's clinic is revoked it asks privacy again (`stillShares`,
 * a fresh question, not the request's cached answer) and, if the sharing is gone, yields one
 * `StreamEnd` and ends. Create it before checking consent at subscribe time, so a revoke that
 * lands during that check is not missed.
 */
export function personStream<T>(options: {
  pubsub: PubSub;
  topic: string;
  userId: string;
  principal: Principal;
  stillShares: () => Promise<boolean>;
}): AsyncIterableIterator<T | StreamEnd> {
  const { pubsub, topic, userId, principal, stillShares } = options;
  const self = principal.kind === 'user' && principal.userId === userId;
  // Events tagged with their topic, in one bounded buffer, so items and revokes keep their order.
  const tagged: PubSub = { ...pubsub, subscribe: (t, handler) => pubsub.subscribe(t, (payload) => handler({ topic: t, payload })) };
  const events = iterate<{ topic: string; payload: unknown }>(tagged, self ? [topic] : [topic, Topic.consentRevoked(userId)]);

  async function* run(): AsyncGenerator<T | StreamEnd> {
    for await (const event of events) {
      if (event.topic === topic) {
        yield event.payload as T;
        continue;
      }
      const revoked = event.payload as ConsentRevoked;
      if (revoked.type !== 'CLINIC_SHARING' || revoked.clinicId !== principal.clinicId) continue;
      let shares: boolean;
      try {
        shares = await stillShares();
      } catch {
        // Fail closed: without privacy's word the stream does not go on.
        yield new StreamEnd(new GraphQLError('Consent could not be checked; subscribe again.', { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: 'privacy' } }));
        return;
      }
      if (shares) continue;
      yield new StreamEnd(forbidden(CONSENT_WITHDRAWN_MESSAGE));
      return;
    }
  }
  return closable(run(), events);
}

/**
 * `generator` as a subscription's iterator. Ending it (the subscriber left) ends `source` first,
 * which wakes a generator waiting for `source`'s next event; otherwise `return()` would wait for
 * an event that may never come.
 */
export function closable<T>(generator: AsyncGenerator<T>, source: AsyncIterableIterator<unknown>): AsyncIterableIterator<T> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => generator.next(),
    async return() {
      await source.return?.();
      return generator.return(undefined);
    },
    async throw(error) {
      await source.return?.();
      return generator.throw(error);
    },
  };
}
