import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { enqueue, type OutboxMessage } from '@resona/outbox';
import { CrisisAlertEntity, CrisisEscalationEntity, type CrisisEscalation, type EscalationEvent, type EscalationState } from '../entities.js';
import { alertSms, type Contacts } from './notify.js';

/** The audit action of a transition. */
export const ESCALATION_TRANSITIONED = 'ESCALATION_TRANSITIONED';

/** States an escalation can still move from. */
export const OPEN_STATES: readonly EscalationState[] = ['OPEN', 'ACKNOWLEDGED', 'CONTACTED'];

/**
 * The state machine: OPEN → ACKNOWLEDGED → CONTACTED → RESOLVED, ESCALATED_EMERGENCY from any
 * open state, and an emergency is closed with RESOLVED. Nothing leaves RESOLVED.
 */
export const TRANSITIONS: Record<EscalationState, readonly EscalationState[]> = {
  OPEN: ['ACKNOWLEDGED', 'ESCALATED_EMERGENCY'],
  ACKNOWLEDGED: ['CONTACTED', 'ESCALATED_EMERGENCY'],
  CONTACTED: ['RESOLVED', 'ESCALATED_EMERGENCY'],
  ESCALATED_EMERGENCY: ['RESOLVED'],
  RESOLVED: [],
};

/** Why `from → to` is refused, or null when allowed. */
export function refusal(from: EscalationState, to: EscalationState): string | null {
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === to) return `The escalation is already ${from}.`;
  if (from === 'RESOLVED') return 'The escalation is RESOLVED; nothing follows RESOLVED.';
  const allowed = TRANSITIONS[from];
  return `An escalation cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}.`;
}

/** Outbox topics of risk (the relay's handlers are in `relay.ts`). */
export const OutboxTopic = {
  publishAssessment: 'risk.assessment.publish',
  publishAlert: 'risk.alert.publish',
  sms: 'risk.notify.sms',
  webhook: 'risk.notify.webhook',
  reminder: 'risk.escalation.reminder',
} as const;

export interface SmsPayload {
  to: string;
  body: string;
  escalationId: string;
}
export interface WebhookPayload {
  url: string;
  /** The contact entry's secret is looked up by URL at send time (never stored in the outbox). */
  body: { type: 'crisis_escalation'; escalationId: string; assessmentId: string; clinicIds: string[]; level: string; state: EscalationState; reminder: number; createdAt: string };
}
export interface ReminderPayload {
  escalationId: string;
  step: number;
}

/**
 * The SMS and webhook notifications of an escalation at `step` (0: when it opens; n: the nth
 * reminder). Step 0 tells the clinics' contacts (or, with no clinic, the first on-call
 * clinician); reminder n tells the clinics again and the on-call clinician n-1 (or n, with no
 * clinic): up the list. Keys are per escalation, step and recipient, so nobody hears the same
 * step twice.
 */
export function notifications(escalation: CrisisEscalation, step: number, contacts: Contacts, smsEnabled: boolean): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  const body = alertSms(escalation.level, escalation.id, step || undefined);
  const sms = new Set<string>();
  const hooks = new Map<string, string>();
  for (const clinicId of escalation.onCall ? [] : escalation.clinicIds) {
    for (const phone of contacts.clinics[clinicId]?.sms ?? []) sms.add(phone);
    for (const hook of contacts.clinics[clinicId]?.webhooks ?? []) hooks.set(hook.url, hook.url);
  }
  const onCallIndex = escalation.onCall ? step : step - 1;
  const onCall = onCallIndex >= 0 ? contacts.onCall[Math.min(onCallIndex, contacts.onCall.length - 1)] : undefined;
  if (onCall?.phone) sms.add(onCall.phone);
  if (onCall?.webhook) hooks.set(onCall.webhook.url, onCall.webhook.url);
  if (smsEnabled) {
    for (const to of sms) messages.push({ topic: OutboxTopic.sms, key: `sms:${escalation.id}:${step}:${to}`, payload: { to, body, escalationId: escalation.id } satisfies SmsPayload });
  }
  for (const url of hooks.keys()) {
    const payload: WebhookPayload = {
      url,
      body: { type: 'crisis_escalation', escalationId: escalation.id, assessmentId: escalation.assessmentId, clinicIds: escalation.clinicIds, level: escalation.level, state: escalation.state, reminder: step, createdAt: escalation.createdAt.toISOString() },
    };
    messages.push({ topic: OutboxTopic.webhook, key: `webhook:${escalation.id}:${step}:${url}`, payload });
  }
  return messages;
}

/** How many reminders an escalation gets: one per on-call step, at least one. */
export const reminderSteps = (escalation: Pick<CrisisEscalation, 'onCall'>, contacts: Contacts) => Math.max(1, contacts.onCall.length - (escalation.onCall ? 1 : 0));

export interface EscalationDeps {
  contacts: Contacts;
  smsEnabled: boolean;
  /** How long an escalation of each level may stay OPEN before the next reminder. */
  reminderMs: Record<EscalationLevel, number>;
}
type EscalationLevel = 'HIGH' | 'IMMINENT';

/** The outbox row of reminder `step`, due one delay of the escalation's level from now. */
function reminderMessage(escalation: CrisisEscalation, step: number, deps: EscalationDeps) {
  return {
    topic: OutboxTopic.reminder,
    key: `reminder:${escalation.id}:${step}`,
    payload: { escalationId: escalation.id, step } satisfies ReminderPayload,
    availableAt: new Date(Date.now() + deps.reminderMs[escalation.level as EscalationLevel]),
  };
}

/** Inside the assessment's transaction: the escalation, its first notifications and its first reminder. */
export async function openEscalation(
  tx: EntityManager,
  input: { assessmentId: string; userId: string; level: EscalationLevel; clinicIds: string[]; onCall: boolean; note?: string },
  deps: EscalationDeps,
): Promise<CrisisEscalation> {
  const now = new Date();
  const escalation = tx.create(CrisisEscalationEntity, {
    id: randomUUID(),
    assessmentId: input.assessmentId,
    userId: input.userId,
    level: input.level,
    state: 'OPEN',
    clinicIds: input.clinicIds,
    onCall: input.onCall,
    history: [{ kind: 'TRANSITION', from: null, to: 'OPEN', at: now.toISOString(), by: null, note: input.note ?? `${input.level} assessment` }],
    reminders: 0,
    createdAt: now,
    updatedAt: now,
  });
  await enqueue(tx, [...notifications(escalation, 0, deps.contacts, deps.smsEnabled), reminderMessage(escalation, 1, deps)]);
  return escalation;
}

/**
 * The relay's reminder: if the escalation is still OPEN (nobody acknowledged), records a REMINDER,
 * notifies one step further up the on-call list and schedules the next reminder while there is a
 * step left. Idempotent: a reminder step already recorded does nothing.
 */
export async function remind(em: EntityManager, payload: ReminderPayload, deps: EscalationDeps): Promise<boolean> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<{ id: string }[]>('select id from crisis_escalation where id = ? for update', [payload.escalationId]);
    if (!row) return false;
    const escalation = await tx.findOneOrFail(CrisisEscalationEntity, { id: payload.escalationId }, { refresh: true });
    if (escalation.state !== 'OPEN' || escalation.reminders >= payload.step) return false;
    const onCall = deps.contacts.onCall[Math.min(escalation.onCall ? payload.step : payload.step - 1, deps.contacts.onCall.length - 1)];
    escalation.reminders = payload.step;
    escalation.history = [
      ...escalation.history,
      { kind: 'REMINDER', from: 'OPEN', to: 'OPEN', at: new Date().toISOString(), by: null, note: `Unacknowledged: reminder ${payload.step}${onCall ? `, escalated to ${onCall.name}` : ''}` },
    ];
    escalation.updatedAt = new Date();
    const messages = notifications(escalation, payload.step, deps.contacts, deps.smsEnabled);
    if (payload.step < reminderSteps(escalation, deps.contacts)) messages.push(reminderMessage(escalation, payload.step + 1, deps));
    await tx.flush();
    await enqueue(tx, messages);
    return true;
  });
}

/** Who may see and act on an escalation: resolved per request by the resolver. */
export interface EscalationAccess {
  /** Does the caller's clinic get this escalation (sharing now, or the on-call clinic)? */
  mayAct(escalation: CrisisEscalation): Promise<boolean>;
}

/** Loads an escalation the caller may act on; anything else looks missing. */
export async function loadForCaller(em: EntityManager, id: string, access: EscalationAccess): Promise<CrisisEscalation> {
  if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
  const escalation = await em.findOne(CrisisEscalationEntity, { id });
  if (!escalation || !(await access.mayAct(escalation))) throw notFound('Crisis escalation not found.');
  return escalation;
}

/**
 * Moves an escalation on, recording who, when and why; refuses invalid transitions with
 * BAD_USER_INPUT. Leaving OPEN acknowledges the escalation's open alerts (and stops reminders).
 * Audited in the same transaction. A concurrent transition makes the slower one fail cleanly.
 */
export async function transitionEscalation(em: EntityManager, id: string, to: EscalationState, note: string | null, actor: Principal, access: EscalationAccess): Promise<CrisisEscalation> {
  const escalation = await loadForCaller(em, id, access);
  if (note != null && note.length > 2000) throw badUserInput('note is at most 2000 characters.', 'note');
  const reason = refusal(escalation.state, to);
  if (reason) throw badUserInput(reason, 'to');
  const from = escalation.state;
  const event: EscalationEvent = { kind: 'TRANSITION', from, to, at: new Date().toISOString(), by: actor.userId ?? null, note: note ?? null };
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(CrisisEscalationEntity, { id, state: from }, { state: to, history: [...escalation.history, event], updatedAt: new Date() });
    if (!changed) throw badUserInput('The escalation changed meanwhile; reload it and try again.', 'to');
    if (from === 'OPEN') {
      await tx.nativeUpdate(CrisisAlertEntity, { assessmentId: escalation.assessmentId, acknowledgedAt: null }, { acknowledgedAt: new Date(), acknowledgedBy: actor.userId });
    }
    await appendAudit(tx, [
      auditEntry(actor, { action: ESCALATION_TRANSITIONED, subjectUserId: escalation.userId, resourceType: 'CrisisEscalation', resourceId: id, detail: { from, to } }),
    ]);
  });
  return (await em.fork().findOne(CrisisEscalationEntity, { id }))!;
}
