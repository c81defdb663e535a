import { DateTime } from '@resona/subgraph';
import type { Resolvers } from './generated/resolvers.js';

export const resolvers: Resolvers = {
  DateTime,
  UIConfig: {
    __resolveReference: (reference, ctx) => ctx.configs.load(String(reference.id)),
    user: (config) => ({ id: config.userId }),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    uiConfig: (user, _args, ctx) => ctx.latestConfigByUser.load(user.id),
  },
};
