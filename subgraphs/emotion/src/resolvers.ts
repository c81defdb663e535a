import { encodeCursor, parsePageArgs } from '@resona/db';
import { DateTime } from '@resona/subgraph';
import type { Resolvers } from './generated/resolvers.js';

export const resolvers: Resolvers = {
  DateTime,
  EmotionReading: {
    __resolveReference: (reference, ctx) => ctx.readings.load(String(reference.id)),
    user: (reading) => ({ id: reading.userId }),
    cursor: (reading) => encodeCursor(reading),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    emotionReadings: (user, args, ctx) => ctx.readingsByUser.load({ ownerId: user.id, page: parsePageArgs(args) }),
  },
  Message: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    emotion: (message, _args, ctx) => ctx.readingsByMessage.load(message.id),
  },
};
