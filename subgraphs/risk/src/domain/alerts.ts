import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { Topic, type PubSub } from '@resona/pubsub';
import { CrisisAlertEntity, RiskAssessmentEntity, type CrisisAlert, type CrisisAlertModel, type RiskAssessment, type RiskLevel } from '../entities.js';
import { recordAssessment, validateAssessment, type AssessmentInput } from './assessments.js';

/** Levels that alert every clinic the person shares with. */
export const ALERT_LEVELS: readonly RiskLevel[] = ['HIGH', 'IMMINENT'];

/** The audit action of an acknowledgement. */
export const CRISIS_ALERT_ACKNOWLEDGED = 'CRISIS_ALERT_ACKNOWLEDGED';

export interface RecordDeps {
  /** The clinics the person shares with now (privacy's `sharingClinics`). */
  sharingClinics(userId: string): Promise<string[]>;
  pubsub: PubSub;
  logger: Logger;
}

/**
 * Stores an assessment and, for HIGH or IMMINENT, one alert per clinic the person shares with, in
 * one transaction; then announces both. An assessment already recorded for the same message is
 * returned as it is (a retried call raises nothing twice).
 *
 * Privacy is asked before the transaction opens (no network call holds a transaction). If it
 * cannot answer, nothing is stored and the call fails, so the caller retries: an assessment is
 * never stored without its alerts.
 */
export async function recordAssessmentWithAlerts(em: EntityManager, input: AssessmentInput, deps: RecordDeps): Promise<RiskAssessment> {
  if (input.messageId && isUuid(input.messageId)) {
    const existing = await em.findOne(RiskAssessmentEntity, { messageId: input.messageId });
    if (existing) return existing;
  }
  const { level, userId } = validateAssessment(input);
  const clinics = ALERT_LEVELS.includes(level) ? await deps.sharingClinics(userId) : [];
  const { assessment, alerts } = await em.transactional(async (tx) => {
    const assessment = await recordAssessment(tx, input);
    const alerts = clinics.map((clinicId) =>
      tx.create(CrisisAlertEntity, { id: randomUUID(), clinicId, userId, assessmentId: assessment.id, createdAt: new Date(), acknowledgedAt: null, acknowledgedBy: null }),
    );
    await tx.flush();
    return { assessment, alerts };
  });
  // At most once: a message lost here is not retried (a durable outbox is a later issue). The
  // alert rows are already committed, so a dashboard catches up with `openCrisisAlerts` (or
  // `crisisAlerts(after:)`).
  const published = await Promise.allSettled([
    deps.pubsub.publish(Topic.riskAssessment(userId), assessmentJson(assessment)),
    ...alerts.map((alert) => deps.pubsub.publish(Topic.crisisAlert(alert.clinicId), { ...alertJson(alert), assessment: assessmentJson(assessment) })),
  ]);
  for (const result of published) {
    if (result.status === 'rejected') deps.logger.error({ err: result.reason, assessmentId: assessment.id }, 'could not publish a risk event');
  }
  return assessment;
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
export type AlertEvent = ReturnType<typeof alertJson> & { assessment: AssessmentEvent };

/** An assessment from a `Topic.riskAssessment` event. */
export const assessmentFromEvent = (json: AssessmentEvent): RiskAssessment => ({ ...json, createdAt: new Date(json.createdAt) });

/** An alert from a `Topic.crisisAlert` event, with its assessment. */
export const alertFromEvent = (json: AlertEvent): CrisisAlertModel => ({
  ...json,
  createdAt: new Date(json.createdAt),
  acknowledgedAt: json.acknowledgedAt ? new Date(json.acknowledgedAt) : null,
  assessment: assessmentFromEvent(json.assessment),
});
