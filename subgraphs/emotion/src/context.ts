import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { entityLoader, isUuid, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import type { AnalyzerDeps } from './domain/analyze.js';
import { EmotionReadingEntity, type EmotionReading } from './entities.js';

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
}

function byMessageLoader(em: EntityManager): DataLoader<string, EmotionReading | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await em.find(EmotionReadingEntity, { messageId: { $in: valid } }) : [];
    const byMessage = new Map(rows.map((row) => [row.messageId, row]));
    return ids.map((id) => byMessage.get(id) ?? null);
  });
}

export const emotionContext = (base: SubgraphContext, services: EmotionServices): EmotionContext => ({
  ...base,
  services,
  readings: entityLoader<EmotionReading>(base.em, 'EmotionReading'),
  readingsByUser: pageLoader<EmotionReading>(base.em, 'EmotionReading', 'user_id'),
  readingsByMessage: byMessageLoader(base.em),
});
