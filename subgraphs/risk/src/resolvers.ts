import { encodeCursor, parsePageArgs } from '@resona/db';
import { DateTime } from '@resona/subgraph';
import type { Resolvers } from './generated/resolvers.js';

export const resolvers: Resolvers = {
  DateTime,
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
