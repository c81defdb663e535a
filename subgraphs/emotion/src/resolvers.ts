import { encodeCursor, parsePageArgs } from '@resona/db';
import { Topic } from '@resona/pubsub';
import { DateTime } from '@resona/subgraph';
import { analyzeUtterance } from './domain/analyze.js';
import { BASELINE_MIN_READINGS } from './domain/baseline.js';
import { readingFromEvent, recordAndPublishReading, type ReadingEvent } from './domain/readings.js';
import type { Resolvers } from './generated/resolvers.js';
import { EMOTION_SCOPE, assertMayWatchPerson } from './permissions.js';
import { StreamEnd, personStream } from '@resona/subgraph';

export const resolvers: Resolvers = {
  DateTime,
  Mutation: {
    recordEmotionReading: (_parent, { input }, ctx) => recordAndPublishReading(ctx.em, { ...input, confidence: input.confidence ?? undefined }, ctx.services),
    analyzeUtterance: (_parent, { input }, ctx) => analyzeUtterance(ctx.em, input, ctx.services.analyzer),
  },
  Subscription: {
    emotionReadings: {
      subscribe: async (_parent, { userId }, ctx) => {
        const { principal, services } = ctx;
        const stream = personStream<ReadingEvent>({
          pubsub: services.pubsub,
          topic: Topic.emotionReading(userId),
          userId,
          principal,
          stillShares: () => services.shares(principal.clinicId!, userId),
        });
        try {
          await assertMayWatchPerson(ctx, userId, EMOTION_SCOPE);
        } catch (error) {
          await stream.return!();
          throw error;
        }
        return stream;
      },
      resolve: (event: ReadingEvent | StreamEnd) => {
        if (event instanceof StreamEnd) throw event.error;
        return readingFromEvent(event);
      },
    },
  },
  EmotionReading: {
    __resolveReference: (reference, ctx) => ctx.readings.load(String(reference.id)),
    user: (reading) => ({ id: reading.userId }),
    cursor: (reading) => encodeCursor(reading),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    emotionReadings: (user, args, ctx) => ctx.readingsByUser.load({ ownerId: user.id, page: parsePageArgs(args) }),
    emotionBaseline: (user, _args, ctx) => ctx.baselines.load(user.id),
  },
  EmotionBaseline: {
    readings: (baseline) => baseline.count,
    ready: (baseline) => baseline.count >= BASELINE_MIN_READINGS,
    values: (baseline) =>
      Object.keys(baseline.mean)
        .sort()
        .map((name) => ({ name, mean: baseline.mean[name]!, sd: Math.sqrt(Math.max(0, baseline.variance[name] ?? 0)) })),
  },
  Message: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    emotion: (message, _args, ctx) => ctx.readingsByMessage.load(message.id),
  },
};
