import { EntitySchema } from '@mikro-orm/postgresql';

export type Emotion = 'NEUTRAL' | 'HAPPY' | 'SAD' | 'ANGRY' | 'FEAR' | 'SURPRISE' | 'DISGUST';
export const EMOTIONS: readonly Emotion[] = ['NEUTRAL', 'HAPPY', 'SAD', 'ANGRY', 'FEAR', 'SURPRISE', 'DISGUST'];
export type EmotionSource = 'VOICE' | 'TEXT' | 'FUSED';
export const EMOTION_SOURCES: readonly EmotionSource[] = ['VOICE', 'TEXT', 'FUSED'];

export interface EmotionScore {
  emotion: Emotion;
  score: number;
}

/**
 * One reading. `valence` is -1 (unpleasant) .. 1 (pleasant); `arousal` is 0 (calm) .. 1
 * (activated), as in the circumplex model. `confidence` is the top emotion's score.
 */
export interface EmotionReading {
  id: string;
  userId: string;
  /** The conversation message this reading was made for (unique); null for readings made outside a turn. */
  messageId: string | null;
  emotion: Emotion;
  confidence: number;
  /** Every emotion's score, highest first; they sum to 1. */
  scores: EmotionScore[];
  valence: number;
  arousal: number;
  source: EmotionSource;
  createdAt: Date;
}

/** A `User` as this subgraph knows it: only its key. */
export interface UserRef {
  id: string;
}

/** A `Message` (owned by conversation) as this subgraph knows it: only its key. */
export interface MessageRef {
  id: string;
}

export const EmotionReadingEntity = new EntitySchema<EmotionReading>({
  name: 'EmotionReading',
  tableName: 'emotion_reading',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    messageId: { type: 'uuid', nullable: true, unique: true },
    emotion: { type: 'string' },
    confidence: { type: 'double' },
    scores: { type: 'json' },
    valence: { type: 'double' },
    arousal: { type: 'double' },
    source: { type: 'string' },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [EmotionReadingEntity];
