import { Topic, iterate, type PubSub } from '@resona/pubsub';
import { closable } from '@resona/subgraph';
import type { AlertEvent } from './domain/alerts.js';
import type { CrisisAlert } from './entities.js';

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
