import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, isUuid, pageLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import { EmotionReadingEntity, type EmotionReading } from './entities.js';

export interface EmotionContext extends SubgraphContext {
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

export const emotionContext = (base: SubgraphContext): EmotionContext => ({
  ...base,
  readings: entityLoader<EmotionReading>(base.em, 'EmotionReading'),
  readingsByUser: pageLoader<EmotionReading>(base.em, 'EmotionReading', 'user_id'),
  readingsByMessage: byMessageLoader(base.em),
});
