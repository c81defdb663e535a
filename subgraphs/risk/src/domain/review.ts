import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit, auditEntry } from '@resona/audit';
import type { Principal } from '@resona/auth';
import { isUuid } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { enqueue } from '@resona/outbox';
import { CrisisEscalationEntity, RISK_LEVELS, ReviewItemEntity, RiskAssessmentEntity, type ReviewItem, type RiskLevel } from '../entities.js';
import { alertTargets, isAlertLevel, raiseAlerts, type RecordDeps } from './alerts.js';

/** The audit action of a review. */
export const ASSESSMENT_REVIEWED = 'RISK_ASSESSMENT_REVIEWED';

/** Pending review items of the given people, oldest first. */
export async function pendingReviews(em: EntityManager, userIds: string[] | 'unshared', first: number, isShared?: (userIds: string[]) => Promise<Set<string>>): Promise<ReviewItem[]> {
  const limit = Math.min(Math.max(first, 1), 100);
  if (userIds === 'unshared') {
    // The on-call clinic: people who share with no clinic. Filtered after the fact (privacy answers per person).
    const candidates = await em.find(ReviewItemEntity, { status: 'PENDING' }, { orderBy: { createdAt: 'asc' }, limit: limit * 5 });
    const shared = (await isShared?.([...new Set(candidates.map((c) => c.userId))])) ?? new Set<string>();
    return candidates.filter((c) => !shared.has(c.userId)).slice(0, limit);
  }
  if (!userIds.length) return [];
  return em.find(ReviewItemEntity, { status: 'PENDING', userId: { $in: userIds } }, { orderBy: { createdAt: 'asc' }, limit });
}

/** A review of an assessment of a conversation message, as a training row needs it (the text is conversation's). */
export interface ReviewedItem {
  reviewItemId: string;
  messageId: string;
  userId: string;
  detectedLevel: RiskLevel;
  reviewedLevel: RiskLevel;
  reviewedAt: Date;
}

/**
 * Confirmed and corrected items, for retraining: reviewed at or after `since`, after the keyset
 * position `after` (a reviewed-at time and item id), oldest review first and then by id, so paging
 * never skips nor repeats an item. Items of assessments made outside a conversation turn are left
 * out: they have no message text to train on.
 */
export async function reviewedItems(
  em: EntityManager,
  page: { since: Date | null; after: { createdAt: Date; id: string } | null; first: number },
): Promise<ReviewedItem[]> {
  const conditions = ['r.reviewed_level is not null', 'a.message_id is not null'];
  const params: unknown[] = [];
  if (page.since) {
    conditions.push('r.reviewed_at >= ?');
    params.push(page.since);
  }
  if (page.after) {
    conditions.push('(r.reviewed_at, r.id) > (?, ?)');
    params.push(page.after.createdAt, page.after.id);
  }
  const rows = await em.execute<{ id: string; user_id: string; message_id: string; detected_level: RiskLevel; reviewed_level: RiskLevel; reviewed_at: Date }[]>(
    `select r.id, r.user_id, a.message_id, r.detected_level, r.reviewed_level, r.reviewed_at
       from review_item r join risk_assessment a on a.id = r.assessment_id
      where ${conditions.join(' and ')}
      order by r.reviewed_at, r.id
      limit ?`,
    [...params, page.first],
  );
  return rows.map((r) => ({
    reviewItemId: r.id,
    messageId: r.message_id,
    userId: r.user_id,
    detectedLevel: r.detected_level,
    reviewedLevel: r.reviewed_level,
    reviewedAt: new Date(r.reviewed_at),
  }));
}

/**
 * A clinician confirms (same level) or corrects a borderline assessment. The item keeps the
 * detected and reviewed levels: the labelled data for the next lexicon revision. The assessment
 * itself is not rewritten (what the system decided at the time stays on record). A correction up
 * to HIGH or IMMINENT of an assessment that raised no escalation opens one now, with its alerts
 * and notifications, in the review's transaction: the reviewer's judgement alerts like a detection.
 * Audited.
 */
export async function reviewAssessment(
  em: EntityManager,
  id: string,
  level: RiskLevel,
  note: string | null,
  actor: Principal,
  mayReview: (item: ReviewItem) => Promise<boolean>,
  alerts: RecordDeps,
): Promise<ReviewItem> {
  if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
  if (!RISK_LEVELS.includes(level)) throw badUserInput(`Unknown level ${level}.`, 'level');
  if (note != null && note.length > 2000) throw badUserInput('note is at most 2000 characters.', 'note');
  const item = await em.findOne(ReviewItemEntity, { id });
  if (!item || !(await mayReview(item))) throw notFound('Review item not found.');
  if (item.status !== 'PENDING') throw badUserInput(`This item was already ${item.status.toLowerCase()}.`, 'id');
  const assessment = await em.findOneOrFail(RiskAssessmentEntity, { id: item.assessmentId });
  const status = level === assessment.level ? 'CONFIRMED' : 'CORRECTED';
  const escalates = isAlertLevel(level) && !(await em.findOne(CrisisEscalationEntity, { assessmentId: assessment.id }));
  // Privacy is asked before the transaction opens (no network call holds a transaction).
  const targets = escalates ? await alertTargets(alerts, item.userId) : null;
  await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(ReviewItemEntity, { id, status: 'PENDING' }, { status, reviewedLevel: level, reviewedBy: actor.userId, reviewedAt: new Date(), note });
    if (!changed) throw badUserInput('This item was reviewed meanwhile.', 'id');
    if (targets && isAlertLevel(level)) {
      const messages = await raiseAlerts(tx, assessment, targets, alerts, { level, note: `${assessment.level} assessment raised to ${level} by review` });
      await tx.flush();
      await enqueue(tx, messages);
    }
    await appendAudit(tx, [auditEntry(actor, { action: ASSESSMENT_REVIEWED, subjectUserId: item.userId, resourceType: 'RiskAssessment', resourceId: item.assessmentId, detail: { from: assessment.level, to: level, status } })]);
  });
  if (targets) alerts.wake?.();
  return (await em.fork().findOne(ReviewItemEntity, { id }))!;
}
