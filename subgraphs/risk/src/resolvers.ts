import { encodeCursor, parsePageArgs } from '@resona/db';
import { Topic } from '@resona/pubsub';
import { DateTime } from '@resona/subgraph';
import { acknowledgeAlert, alertFromEvent, alertsSince, assessmentFromEvent, openAlerts, recordAssessmentWithAlerts, type AlertEvent, type AssessmentEvent } from './domain/alerts.js';
import { assessMessage } from './domain/assess.js';
import { transitionEscalation } from './domain/escalations.js';
import { pendingReviews, reviewAssessment, reviewedItems } from './domain/review.js';
import { CrisisEscalationEntity, ReviewItemEntity, type CrisisAlert } from './entities.js';
import type { RiskContext } from './context.js';
import { forbidden } from '@resona/errors';
import type { Resolvers } from './generated/resolvers.js';
import { RISK_SCOPE, assertActsForClinic, assertMayWatchPerson, mayActOnEscalation, onCallForUnshared } from './permissions.js';
import { StreamEnd, personStream } from '@resona/subgraph';
import { clinicAlertStream } from './streams.js';

/** The clinic argument must be the caller's own clinic. */
function ownClinic(ctx: RiskContext, clinicId: string) {
  if (ctx.principal.clinicId !== clinicId) throw forbidden();
}

/** People with pending review items (bounded). */
async function pendingUserIds(ctx: RiskContext): Promise<string[]> {
  const rows = await ctx.em.execute<{ user_id: string }[]>("select distinct user_id from review_item where status = 'PENDING' limit 500");
  return rows.map((r) => r.user_id);
}

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    openCrisisAlerts: (_parent, { clinicId }, ctx) => openAlerts(ctx.em, clinicId),
    escalation: async (_parent, { id }, ctx) => {
      const escalation = await ctx.escalations.load(id);
      return escalation && (await mayActOnEscalation(ctx, escalation)) === 'ok' ? escalation : null;
    },
    openEscalations: async (_parent, { clinicId }, ctx) => {
      ownClinic(ctx, clinicId);
      const open = await ctx.em.find(CrisisEscalationEntity, { state: { $ne: 'RESOLVED' } }, { orderBy: { createdAt: 'desc' }, limit: 500 });
      const mine = open.filter((e) => e.clinicIds.includes(clinicId));
      const visible = await Promise.all(mine.map((e) => mayActOnEscalation(ctx, e)));
      return mine.filter((_e, i) => visible[i] === 'ok');
    },
    reviewQueue: async (_parent, { clinicId, first }, ctx) => {
      ownClinic(ctx, clinicId);
      const { onCallClinicId } = ctx.services;
      if (onCallClinicId && clinicId === onCallClinicId) {
        return pendingReviews(ctx.em, 'unshared', first ?? 20, async (userIds) => {
          const clinics = await Promise.all(userIds.map((u) => ctx.services.sharingClinics(u)));
          return new Set(userIds.filter((_u, i) => clinics[i]!.length > 0));
        });
      }
      // People sharing with the clinic who have pending items: ask privacy about the candidates.
      const candidates = await pendingReviews(ctx.em, await pendingUserIds(ctx), 500);
      const shared = await Promise.all(candidates.map((c) => ctx.consent.shares(c.userId)));
      return candidates.filter((_c, i) => shared[i]).slice(0, Math.min(Math.max(first ?? 20, 1), 100));
    },
    reviewedItems: (_parent, { since, after, first }, ctx) => reviewedItems(ctx.em, { since: since ?? null, ...parsePageArgs({ after, first }) }),
  },
  Mutation: {
    acknowledgeCrisisAlert: (_parent, { id }, ctx) => acknowledgeAlert(ctx.em, id, ctx.principal),
    recordRiskAssessment: (_parent, { input }, ctx) =>
      recordAssessmentWithAlerts(ctx.em, { ...input, level: input.level ?? undefined }, ctx.services),
    assessMessage: (_parent, { input }, ctx) => assessMessage(ctx.em, input, ctx.services),
    transitionEscalation: (_parent, { id, to, note }, ctx) =>
      transitionEscalation(ctx.em, id, to, note ?? null, ctx.principal, { mayAct: async (e) => (await mayActOnEscalation(ctx, e)) === 'ok' }),
    reviewAssessment: (_parent, { id, level, note }, ctx) =>
      reviewAssessment(ctx.em, id, level, note ?? null, ctx.principal, async (item) => (await onCallForUnshared(ctx, item.userId)) || ctx.consent.shares(item.userId), ctx.services),
  },
  Subscription: {
    crisisAlerts: {
      subscribe: (_parent, { clinicId, after }, ctx) => {
        assertActsForClinic(ctx.principal, clinicId);
        const position = parsePageArgs({ after }).after;
        return clinicAlertStream(ctx.services.pubsub, clinicId, position ? () => alertsSince(ctx.em, clinicId, position) : null);
      },
      // From the database (catching up) or from an event (JSON).
      resolve: (event: CrisisAlert | AlertEvent) => (event.createdAt instanceof Date ? (event as CrisisAlert) : alertFromEvent(event as AlertEvent)),
    },
    riskAssessmentUpdated: {
      subscribe: async (_parent, { userId }, ctx) => {
        const { principal, services } = ctx;
        const stream = personStream<AssessmentEvent>({
          pubsub: services.pubsub,
          topic: Topic.riskAssessment(userId),
          userId,
          principal,
          stillShares: () => services.shares(principal.clinicId!, userId),
        });
        try {
          await assertMayWatchPerson(ctx, userId, RISK_SCOPE);
        } catch (error) {
          await stream.return!();
          throw error;
        }
        return stream;
      },
      resolve: (event: AssessmentEvent | StreamEnd) => {
        if (event instanceof StreamEnd) throw event.error;
        return assessmentFromEvent(event);
      },
    },
  },
  CrisisAlert: {
    __resolveReference: (reference, ctx) => ctx.alerts.load(String(reference.id)),
    clinic: (alert) => ({ id: alert.clinicId }),
    // Events carry their assessment; alerts from the database load it.
    assessment: async (alert, _args, ctx) => alert.assessment ?? (await ctx.assessments.load(alert.assessmentId))!,
    acknowledgedBy: (alert) => (alert.acknowledgedBy ? { id: alert.acknowledgedBy } : null),
    escalation: (alert, _args, ctx) => ctx.escalationsByAssessment.load(alert.assessmentId),
    cursor: (alert) => encodeCursor(alert),
  },
  RiskAssessment: {
    __resolveReference: (reference, ctx) => ctx.assessments.load(String(reference.id)),
    user: (assessment) => ({ id: assessment.userId }),
    cursor: (assessment) => encodeCursor(assessment),
    escalation: (assessment, _args, ctx) => ctx.escalationsByAssessment.load(assessment.id),
  },
  CrisisEscalation: {
    __resolveReference: (reference, ctx) => ctx.escalations.load(String(reference.id)),
    assessment: async (escalation, _args, ctx) => (await ctx.assessments.load(escalation.assessmentId))!,
    user: (escalation) => ({ id: escalation.userId }),
    clinics: (escalation) => escalation.clinicIds.map((id) => ({ id })),
    history: (escalation) => escalation.history.map((e) => ({ ...e, at: new Date(e.at), by: e.by ? { id: e.by } : null })),
  },
  ReviewItem: {
    __resolveReference: async (reference, ctx) => (await ctx.em.findOne(ReviewItemEntity, { id: String(reference.id) })) ?? null,
    assessment: async (item, _args, ctx) => (await ctx.assessments.load(item.assessmentId))!,
    reviewedBy: (item) => (item.reviewedBy ? { id: item.reviewedBy } : null),
    reasons: (item) => item.reasons as never,
  },
  ReviewedItem: {
    // The keyset of the list: when it was reviewed, then the item's id.
    cursor: (item) => encodeCursor({ createdAt: item.reviewedAt, id: item.reviewItemId }),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    riskAssessments: (user, args, ctx) => ctx.assessmentsByUser.load({ ownerId: user.id, page: parsePageArgs(args) }),
  },
  Message: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    risk: (message, _args, ctx) => ctx.assessmentsByMessage.load(message.id),
  },
};
