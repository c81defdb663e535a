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
  /** EN, SW (Swahili or Sheng) or MIXED, from the transcript; null without words. */
  language?: string | null;
  /** 0..1 audio quality; null for readings without audio. */
  quality?: number | null;
  /** 0..1: the words sound more pleasant than the voice; null unless both were read. */
  dissonance?: number | null;
  /** The words deflect ("niko poa", "I'm fine") while the voice sounds sad or afraid; null unless both were read. */
  concealment?: boolean | null;
  /** RMS z-score against the person's baseline; null until the baseline has enough readings. */
  deviation?: number | null;
  /** The z-score of each followed feature (see BASELINE_FEATURES and the emotion mix). */
  deviationDetail?: Record<string, number> | null;
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
    language: { type: 'string', nullable: true },
    quality: { type: 'double', nullable: true },
    dissonance: { type: 'double', nullable: true },
    concealment: { type: 'boolean', nullable: true },
    deviation: { type: 'double', nullable: true },
    deviationDetail: { type: 'json', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

/**
 * A person's rolling baseline: exponentially weighted mean and variance of what is followed
 * (voice features and the emotion mix), updated after each reading.
 */
export interface EmotionBaseline {
  userId: string;
  /** Readings folded in. */
  count: number;
  mean: Record<string, number>;
  variance: Record<string, number>;
  updatedAt: Date;
}

export const EmotionBaselineEntity = new EntitySchema<EmotionBaseline>({
  name: 'EmotionBaseline',
  tableName: 'emotion_baseline',
  properties: {
    userId: { type: 'uuid', primary: true },
    count: { type: 'integer' },
    mean: { type: 'json' },
    variance: { type: 'json' },
    updatedAt: { type: 'Date', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const entities = [EmotionReadingEntity, EmotionBaselineEntity];
