import { encodeCursor, parsePageArgs } from '@resona/db';
import { Topic } from '@resona/pubsub';
import { DateTime } from '@resona/subgraph';
import { acknowledgeAlert, alertFromEvent, alertsSince, assessmentFromEvent, openAlerts, recordAssessmentWithAlerts, type AlertEvent, type AssessmentEvent } from './domain/alerts.js';
import type { CrisisAlert } from './entities.js';
import type { Resolvers } from './generated/resolvers.js';
import { RISK_SCOPE, assertActsForClinic, assertMayWatchPerson } from './permissions.js';
import { StreamEnd, clinicAlertStream, personStream } from './streams.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    openCrisisAlerts: (_parent, { clinicId }, ctx) => openAlerts(ctx.em, clinicId),
  },
  Mutation: {
    acknowledgeCrisisAlert: (_parent, { id }, ctx) => acknowledgeAlert(ctx.em, id, ctx.principal),
    recordRiskAssessment: (_parent, { input }, ctx) =>
      recordAssessmentWithAlerts(ctx.em, { ...input, level: input.level ?? undefined }, ctx.services),
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
    cursor: (alert) => encodeCursor(alert),
  },
  RiskAssessment: {
    __resolveReference: (reference, ctx) => ctx.assessments.load(String(reference.id)),
    user: (assessment) => ({ id: assessment.userId }),
    cursor: (assessment) => encodeCursor(assessment),
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
