import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { PermanentFailure, Relay, type OutboxHandler } from '@resona/outbox';
import { Topic, type PubSub } from '@resona/pubsub';
import type { AlertEvent, AssessmentEvent } from './alerts.js';
import { OutboxTopic, remind, type EscalationDeps, type ReminderPayload, type SmsPayload, type WebhookPayload } from './escalations.js';
import { sendWebhook, type SmsAdapter } from './notify.js';

export interface RiskRelayDeps {
  em: () => EntityManager;
  pubsub: PubSub;
  logger: Logger;
  escalation: EscalationDeps;
  sms: SmsAdapter | null;
  webhookSecret?: string;
  pollMs: number;
  backoffMs: number;
}

/** The relays of one outbox, started, woken and stopped together. */
export interface RelayGroup {
  start(): void;
  /** Look for due rows now (after a commit that enqueued some). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Risk's outbox relays: one publishes assessments and alerts to PubSub (dashboards dedupe by alert
 * id); the other sends SMS and signed webhooks (the row's key is the idempotency key) and runs
 * reminders. Two, so a slow or failing SMS provider never holds up the alerts on the dashboards.
 */
export function riskRelay(deps: RiskRelayDeps): RelayGroup {
  const publish: Record<string, OutboxHandler> = {
    [OutboxTopic.publishAssessment]: async (row) => {
      const event = row.payload as AssessmentEvent;
      await deps.pubsub.publish(Topic.riskAssessment(event.userId), event);
    },
    [OutboxTopic.publishAlert]: async (row) => {
      const event = row.payload as AlertEvent;
      await deps.pubsub.publish(Topic.crisisAlert(event.clinicId), event);
    },
  };
  const notify: Record<string, OutboxHandler> = {
    [OutboxTopic.sms]: async (row) => {
      const payload = row.payload as SmsPayload;
      if (!deps.sms) throw new PermanentFailure('SMS is not configured.');
      await deps.sms.send(payload.to, payload.body, row.key);
    },
    [OutboxTopic.webhook]: async (row) => {
      const payload = row.payload as WebhookPayload;
      const contact = [...Object.values(deps.escalation.contacts.clinics).flatMap((c) => c.webhooks ?? []), ...deps.escalation.contacts.onCall.flatMap((c) => (c.webhook ? [c.webhook] : []))].find((w) => w.url === payload.url);
      if (!contact) throw new PermanentFailure('The webhook is no longer in the contacts.');
      await sendWebhook(contact, deps.webhookSecret, payload.body, row.key);
    },
    [OutboxTopic.reminder]: async (row) => {
      await remind(deps.em(), row.payload as ReminderPayload, deps.escalation);
    },
  };
  const relays = [publish, notify].map((handlers) => new Relay({ em: deps.em, handlers, pollMs: deps.pollMs, backoffMs: deps.backoffMs, logger: deps.logger }));
  return {
    start: () => relays.forEach((relay) => relay.start()),
    wake: () => relays.forEach((relay) => relay.wake()),
    stop: async () => {
      await Promise.all(relays.map((relay) => relay.stop()));
    },
  };
}
