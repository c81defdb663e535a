import { GraphQLError } from 'graphql';
import type { Principal } from '@resona/auth';
import { ErrorCode, forbidden } from '@resona/errors';
import { Topic, iterate, type PubSub } from '@resona/pubsub';
import type { AlertEvent } from './domain/alerts.js';
import type { CrisisAlert } from './entities.js';

// personStream and closable also live in emotion (subgraphs share no code); they belong in packages/subgraph.

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
 * A clinic's alerts: first, with `since`, those it returns (what a resuming dashboard missed,
 * oldest first), then live ones. The live topic is subscribed before the database is read, so
 * nothing falls between the two; an alert found in both is sent once.
 */
export function clinicAlertStream(pubsub: PubSub, clinicId: string, since: (() => Promise<CrisisAlert[]>) | null): AsyncIterableIterator<CrisisAlert | AlertEvent> {
  const live = iterate<AlertEvent>(pubsub, [Topic.crisisAlert(clinicId)]);
  async function* run(): AsyncGenerator<CrisisAlert | AlertEvent> {
    const sent = new Set<string>();
    for (const alert of since ? await since() : []) {
      sent.add(alert.id);
      yield alert;
    }
    // Consumers are idempotent: the relay delivers at least once, so an alert id is sent once.
    for await (const alert of live) {
      if (sent.has(alert.id)) continue;
      sent.add(alert.id);
      yield alert;
    }
  }
  return closable(run(), live);
}

/**
 * `generator` as a subscription's iterator. Ending it (the subscriber left) ends `source` first,
 * which wakes a generator waiting for `source`'s next event; otherwise `return()` would wait for
 * an event that may never come.
 */
function closable<T>(generator: AsyncGenerator<T>, source: AsyncIterableIterator<unknown>): AsyncIterableIterator<T> {
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
