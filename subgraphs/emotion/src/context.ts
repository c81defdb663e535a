import DataLoader from 'dataloader';
import type { Logger } from '@resona/config';
import { entityLoader, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import type { AnalyzerDeps } from './domain/analyze.js';
import type { EmotionBaseline, EmotionReading } from './entities.js';

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

export const emotionContext = (base: SubgraphContext, services: EmotionServices): EmotionContext => ({
  ...base,
  services,
  readings: entityLoader<EmotionReading>(base.em, 'EmotionReading'),
  readingsByUser: pageLoader<EmotionReading>(base.em, 'EmotionReading', 'user_id'),
  readingsByMessage: entityLoader<EmotionReading>(base.em, 'EmotionReading', 'messageId'),
  baselines: entityLoader<EmotionBaseline>(base.em, 'EmotionBaseline', 'userId'),
});
