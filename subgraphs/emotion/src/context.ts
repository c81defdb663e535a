import DataLoader from 'dataloader';
import type { EntityManager, EntitySchema, FilterQuery } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { entityLoader, isUuid, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import type { AnalyzerDeps } from './domain/analyze.js';
import { EmotionBaselineEntity, EmotionReadingEntity, type EmotionBaseline, type EmotionReading } from './entities.js';

/** What the subgraph holds for its whole life and every context shares. */
export interface EmotionServices {
  pubsub: PubSub;
  logger: Logger;
  /** A fresh question to privacy (never a request's cached answer): does `userId` share with `clinicId`? */
  shares(clinicId: string, userId: string): Promise<boolean>;
  /** The speech pipeline (VAD, emotion model, STT, limits) analyzeUtterance runs. */
  analyzer: AnalyzerDeps;
}

export interface EmotionContext extends SubgraphContext {
  services: EmotionServices;
  readings: DataLoader<string, EmotionReading | null>;
  /** A person's readings, newest first: one SQL query per batch of people. */
  readingsByUser: ReturnType<typeof pageLoader<EmotionReading>>;
  /** The reading of each message: one SQL query per batch of messages. */
  readingsByMessage: DataLoader<string, EmotionReading | null>;
  /** Each person's baseline: one SQL query per batch of people. */
  baselines: DataLoader<string, EmotionBaseline | null>;
}

/** The row whose unique uuid `column` is each key (null when none): one SQL query per batch. */
function uniqueColumnLoader<T extends object>(em: EntityManager, entity: EntitySchema<T>, column: keyof T & string): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const valid = keys.filter(isUuid);
    const rows = valid.length ? await em.find(entity, { [column]: { $in: valid } } as FilterQuery<T>) : [];
    const byKey = new Map(rows.map((row) => [String(row[column]), row as T]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

export const emotionContext = (base: SubgraphContext, services: EmotionServices): EmotionContext => ({
  ...base,
  services,
  readings: entityLoader<EmotionReading>(base.em, 'EmotionReading'),
  readingsByUser: pageLoader<EmotionReading>(base.em, 'EmotionReading', 'user_id'),
  readingsByMessage: uniqueColumnLoader(base.em, EmotionReadingEntity, 'messageId'),
  baselines: uniqueColumnLoader(base.em, EmotionBaselineEntity, 'userId'),
});
