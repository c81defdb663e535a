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

/**
 * Risk's outbox relay: publishes assessments and alerts to PubSub (dashboards dedupe by alert id),
 * sends SMS and signed webhooks (the row's key is the idempotency key), and runs reminders.
 */
export function riskRelay(deps: RiskRelayDeps): Relay {
  const handlers: Record<string, OutboxHandler> = {
    [OutboxTopic.publishAssessment]: async (row) => {
      const event = row.payload as AssessmentEvent;
      await deps.pubsub.publish(Topic.riskAssessment(event.userId), event);
    },
    [OutboxTopic.publishAlert]: async (row) => {
      const event = row.payload as AlertEvent;
      await deps.pubsub.publish(Topic.crisisAlert(event.clinicId), event);
    },
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
  return new Relay({ em: deps.em, handlers, pollMs: deps.pollMs, backoffMs: deps.backoffMs, logger: deps.logger });
}
