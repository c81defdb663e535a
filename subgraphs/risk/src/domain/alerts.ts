import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { enqueue, type OutboxMessage } from '@resona/outbox';
import type { PubSub } from '@resona/pubsub';
import { CrisisAlertEntity, CrisisEscalationEntity, ReviewItemEntity, RiskAssessmentEntity, type CrisisAlert, type CrisisAlertModel, type RiskAssessment, type RiskLevel } from '../entities.js';
import { recordAssessment, validateAssessment, type AssessmentInput } from './assessments.js';
import { openEscalation, OutboxTopic, type EscalationDeps } from './escalations.js';

/** Levels that alert every clinic the person shares with. */
export const ALERT_LEVELS: readonly RiskLevel[] = ['HIGH', 'IMMINENT'];

/** The audit action of an acknowledgement. */
export const CRISIS_ALERT_ACKNOWLEDGED = 'CRISIS_ALERT_ACKNOWLEDGED';

export interface RecordDeps {
  /** The clinics the person shares with now (privacy's `sharingClinics`). */
  sharingClinics(userId: string): Promise<string[]>;
  pubsub: PubSub;
  logger: Logger;
  /** Contacts, SMS on or off, the reminder delay. */
  escalation: EscalationDeps;
  /** The service's own on-call clinic, alerted for people who share with none. */
  onCallClinicId?: string | null;
  /** Tells the outbox relay that rows were committed (delivery without waiting for its next poll). */
  wake?: () => void;
}

/** Extra things stored with an assessment. */
export interface RecordExtras {
  /** Why it is borderline: puts it in the review queue. */
  review?: string[];
  /** The caller has just looked for an assessment of this message and found none (`assessMessage` does, before detecting). */
  lookedForExisting?: boolean;
}

/**
 * Stores an assessment and, for HIGH or IMMINENT, its escalation and one alert per clinic the
 * person shares with (or the on-call clinic when there is none), its review item when borderline,
 * and the outbox rows that announce and notify, all in ONE transaction. The relay delivers the
 * rows after the commit, retrying until acknowledged. An assessment already recorded for the same
 * message is returned as it is (a retried call raises nothing twice, and needs no privacy answer);
 * the unique message id catches a concurrent repeat, rolling back everything with it.
 *
 * Privacy is asked before the transaction opens (no network call holds a transaction). If it
 * cannot answer, nothing is stored and the call fails, so the caller retries: an assessment is
 * never stored without its alerts.
 */
export async function recordAssessmentWithAlerts(em: EntityManager, input: AssessmentInput, deps: RecordDeps, extras: RecordExtras = {}): Promise<RiskAssessment> {
  const existing = extras.lookedForExisting ? null : await existingFor(em, input.messageId);
  if (existing) return existing;
  const { level, userId } = validateAssessment(input);
  const alerting = isAlertLevel(level);
  const targets = alerting ? await alertTargets(deps, userId) : null;
  let assessment: RiskAssessment;
  try {
    assessment = await em.transactional(async (tx) => {
      const assessment = await recordAssessment(tx, input);
      const messages: OutboxMessage[] = [{ topic: OutboxTopic.publishAssessment, key: `assessment:${assessment.id}`, payload: assessmentJson(assessment) }];
      if (targets) messages.push(...(await raiseAlerts(tx, assessment, targets, deps)));
      if (extras.review?.length) {
        tx.create(ReviewItemEntity, {
          id: randomUUID(), assessmentId: assessment.id, userId, reasons: extras.review, status: 'PENDING', detectedLevel: level,
          reviewedLevel: null, reviewedBy: null, reviewedAt: null, note: null, createdAt: new Date(),
        });
      }
      await tx.flush();
      await enqueue(tx, messages);
      return assessment;
    });
  } catch (error) {
    // The same message assessed concurrently: the first one stands.
    if (error instanceof UniqueConstraintViolationException) {
      const first = await existingFor(em.fork(), input.messageId);
      if (first) return first;
    }
    throw error;
  }
  deps.wake?.();
  return assessment;
}

export const isAlertLevel = (level: RiskLevel): level is 'HIGH' | 'IMMINENT' => ALERT_LEVELS.includes(level);

/** Where alerts go, clinics and whether it is the on-call clinic. */
export interface AlertTargets {
  clinicIds: string[];
  onCall: boolean;
}

/** Every clinic the person shares with, else the service's on-call clinic. Ask before a transaction opens (it is a network call). */
export async function alertTargets(deps: RecordDeps, userId: string): Promise<AlertTargets> {
  const clinics = await deps.sharingClinics(userId);
  const onCall = clinics.length === 0;
  return { onCall, clinicIds: onCall ? (deps.onCallClinicId ? [deps.onCallClinicId] : []) : clinics };
}

/**
 * Inside the caller's transaction: the escalation (notifications and reminders queued) and one alert
 * per target clinic for `assessment` at its level (or `raise.level`, when a reviewer raised it);
 * returns the outbox rows that announce the alerts.
 */
export async function raiseAlerts(
  tx: EntityManager,
  assessment: RiskAssessment,
  targets: AlertTargets,
  deps: RecordDeps,
  raise?: { level: 'HIGH' | 'IMMINENT'; note: string },
): Promise<OutboxMessage[]> {
  const level = raise?.level ?? (assessment.level as 'HIGH' | 'IMMINENT');
  const escalation = await openEscalation(tx, { assessmentId: assessment.id, userId: assessment.userId, level, clinicIds: targets.clinicIds, onCall: targets.onCall, note: raise?.note }, deps.escalation);
  return targets.clinicIds.map((clinicId) => {
    const alert = tx.create(CrisisAlertEntity, { id: randomUUID(), clinicId, userId: assessment.userId, assessmentId: assessment.id, createdAt: new Date(), acknowledgedAt: null, acknowledgedBy: null });
    // The dashboard acts on the level it is shown: a reviewer's raised level, not the one detected.
    return { topic: OutboxTopic.publishAlert, key: `alert:${alert.id}`, payload: { ...alertJson(alert), assessment: { ...assessmentJson(assessment), level }, escalationId: escalation.id } satisfies AlertEvent };
  });
}

async function existingFor(em: EntityManager, messageId: string | null | undefined): Promise<RiskAssessment | null> {
  if (!messageId || !isUuid(messageId)) return null;
  return em.findOne(RiskAssessmentEntity, { messageId });
}

/** The clinic's alerts not yet acknowledged, newest first. */
export function openAlerts(em: EntityManager, clinicId: string): Promise<CrisisAlert[]> {
  if (!isUuid(clinicId)) return Promise.resolve([]);
  return em.find(CrisisAlertEntity, { clinicId, acknowledgedAt: null }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** The clinic's alerts created after `after` (an alert's position), oldest first: what a resuming dashboard missed. */
export function alertsSince(em: EntityManager, clinicId: string, after: { createdAt: Date; id: string }): Promise<CrisisAlert[]> {
  return em.find(
    CrisisAlertEntity,
    { clinicId, $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}

/**
 * A clinician of the alert's clinic takes it on. Acknowledging twice returns the first
 * acknowledgement; another clinic's alert looks exactly like a missing one. Audited in the same transaction.
 */
export async function acknowledgeAlert(em: EntityManager, id: string, actor: Principal): Promise<CrisisAlert> {
  if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
  const alert = await em.findOne(CrisisAlertEntity, { id });
  if (!alert || alert.clinicId !== actor.clinicId) throw notFound('Crisis alert not found.');
  if (alert.acknowledgedAt) return alert;
  await em.transactional(async (tx) => {
    // Only an open alert is acknowledged, so a concurrent acknowledgement is recorded once.
    const changed = await tx.nativeUpdate(CrisisAlertEntity, { id, acknowledgedAt: null }, { acknowledgedAt: new Date(), acknowledgedBy: actor.userId });
    if (changed) {
      // Someone took it on: the escalation leaves OPEN (and its reminders stop).
      const escalation = await tx.findOne(CrisisEscalationEntity, { assessmentId: alert.assessmentId });
      if (escalation?.state === 'OPEN') {
        await tx.nativeUpdate(CrisisEscalationEntity, { id: escalation.id, state: 'OPEN' }, {
          state: 'ACKNOWLEDGED',
          updatedAt: new Date(),
          history: [...escalation.history, { kind: 'TRANSITION', from: 'OPEN', to: 'ACKNOWLEDGED', at: new Date().toISOString(), by: actor.userId ?? null, note: 'Crisis alert acknowledged' }],
        });
      }
      await appendAudit(tx, [
        auditEntry(actor, { action: CRISIS_ALERT_ACKNOWLEDGED, subjectUserId: alert.userId, resourceType: 'CrisisAlert', resourceId: id, detail: { clinicId: alert.clinicId } }),
      ]);
    }
  });
  return (await em.fork().findOne(CrisisAlertEntity, { id }))!;
}

// Events are JSON (dates become strings); these are their shapes, to and from.

const assessmentJson = (a: RiskAssessment) => ({
  id: a.id,
  userId: a.userId,
  messageId: a.messageId,
  level: a.level,
  score: a.score,
  signals: a.signals,
  createdAt: a.createdAt.toISOString(),
});

const alertJson = (a: CrisisAlert) => ({
  id: a.id,
  clinicId: a.clinicId,
  userId: a.userId,
  assessmentId: a.assessmentId,
  createdAt: a.createdAt.toISOString(),
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: a.acknowledgedBy,
});

export type AssessmentEvent = ReturnType<typeof assessmentJson>;
export type AlertEvent = ReturnType<typeof alertJson> & { assessment: AssessmentEvent; escalationId?: string | null };

/** An assessment from a `Topic.riskAssessment` event. */
export const assessmentFromEvent = (json: AssessmentEvent): RiskAssessment => ({ ...json, createdAt: new Date(json.createdAt) });

/** An alert from a `Topic.crisisAlert` event, with its assessment. */
export const alertFromEvent = (json: AlertEvent): CrisisAlertModel => ({
  ...json,
  createdAt: new Date(json.createdAt),
  acknowledgedAt: json.acknowledgedAt ? new Date(json.acknowledgedAt) : null,
  assessment: assessmentFromEvent(json.assessment),
  escalationId: json.escalationId ?? null,
});
