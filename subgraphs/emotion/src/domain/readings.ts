import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput } from '@resona/errors';
import { Topic, type PubSub } from '@resona/pubsub';
import { EMOTIONS, EMOTION_SOURCES, EmotionReadingEntity, type Emotion, type EmotionReading, type EmotionScore, type EmotionSource } from '../entities.js';

/** How far the scores of one reading may sum away from 1 (rounding in the classifier). */
export const SCORE_SUM_TOLERANCE = 0.01;

export interface ReadingInput {
  userId: string;
  messageId?: string | null;
  /** The top emotion; must be the one with the highest score. */
  emotion: Emotion;
  /** 0..1; default: the top emotion's score. */
  confidence?: number;
  /** One score per emotion (missing emotions count as 0), each 0..1, summing to 1. */
  scores: EmotionScore[];
  valence: number;
  arousal: number;
  source: EmotionSource;
  /** What analyzeUtterance adds (see EmotionReading); absent for readings recorded directly. */
  language?: string | null;
  quality?: number | null;
  dissonance?: number | null;
  concealment?: boolean | null;
  deviation?: number | null;
  deviationDetail?: Record<string, number> | null;
  /** Default: now. */
  createdAt?: Date;
}

const inRange = (value: number, min: number, max: number) => Number.isFinite(value) && value >= min && value <= max;

/** Checks a reading and returns it normalised (scores highest first); problems are `BAD_USER_INPUT`. */
export function validateReading(input: ReadingInput): Omit<EmotionReading, 'id'> {
  if (!isUuid(input.userId)) throw badUserInput('userId must be a UUID.', 'userId');
  if (input.messageId != null && !isUuid(input.messageId)) throw badUserInput('messageId must be a UUID.', 'messageId');
  if (!EMOTIONS.includes(input.emotion)) throw badUserInput(`Unknown emotion ${input.emotion}.`, 'emotion');
  if (!EMOTION_SOURCES.includes(input.source)) throw badUserInput(`Unknown source ${input.source}.`, 'source');
  if (!input.scores.length) throw badUserInput('A reading needs scores.', 'scores');
  const seen = new Set<Emotion>();
  for (const { emotion, score } of input.scores) {
    if (!EMOTIONS.includes(emotion) || seen.has(emotion)) throw badUserInput(`Unknown or repeated emotion ${emotion} in scores.`, 'scores');
    if (!inRange(score, 0, 1)) throw badUserInput('Every score must be between 0 and 1.', 'scores');
    seen.add(emotion);
  }
  const sum = input.scores.reduce((total, s) => total + s.score, 0);
  if (Math.abs(sum - 1) > SCORE_SUM_TOLERANCE) throw badUserInput('Scores must sum to 1.', 'scores');
  const scores = [...input.scores].sort((a, b) => b.score - a.score);
  const top = scores[0]!.score;
  const own = input.scores.find((s) => s.emotion === input.emotion)?.score ?? 0;
  if (own < top) throw badUserInput('emotion must be the emotion with the highest score.', 'emotion');
  const confidence = input.confidence ?? top;
  if (!inRange(confidence, 0, 1)) throw badUserInput('confidence must be between 0 and 1.', 'confidence');
  if (!inRange(input.valence, -1, 1)) throw badUserInput('valence must be between -1 and 1.', 'valence');
  if (!inRange(input.arousal, 0, 1)) throw badUserInput('arousal must be between 0 and 1.', 'arousal');
  if (input.quality != null && !inRange(input.quality, 0, 1)) throw badUserInput('quality must be between 0 and 1.', 'quality');
  if (input.dissonance != null && !inRange(input.dissonance, 0, 1)) throw badUserInput('dissonance must be between 0 and 1.', 'dissonance');
  if (input.language != null && !['EN', 'SW', 'MIXED'].includes(input.language)) throw badUserInput('language must be EN, SW or MIXED.', 'language');
  return {
    userId: input.userId,
    messageId: input.messageId ?? null,
    emotion: input.emotion,
    confidence,
    scores: scores.map(({ emotion, score }) => ({ emotion, score })),
    valence: input.valence,
    arousal: input.arousal,
    source: input.source,
    language: input.language ?? null,
    quality: input.quality ?? null,
    dissonance: input.dissonance ?? null,
    concealment: input.concealment ?? null,
    deviation: input.deviation ?? null,
    deviationDetail: input.deviationDetail ?? null,
    createdAt: input.createdAt ?? new Date(),
  };
}

/**
 * Validates and stores one reading, then announces it on `Topic.emotionReading(userId)` (after
 * commit; at most once — a durable outbox is a later issue; lists are the catch-up).
 */
export async function recordAndPublishReading(em: EntityManager, input: ReadingInput, deps: { pubsub: PubSub; logger: Logger }): Promise<EmotionReading> {
  const reading = await recordReading(em, input);
  await publishReading(reading, deps);
  return reading;
}

/** Announces a committed reading on `Topic.emotionReading(userId)`; a failure is logged, not thrown (lists are the catch-up). */
export async function publishReading(reading: EmotionReading, deps: { pubsub: PubSub; logger: Logger }): Promise<void> {
  await deps.pubsub.publish(Topic.emotionReading(reading.userId), readingJson(reading)).catch((err: unknown) => {
    deps.logger.error({ err, readingId: reading.id }, 'could not publish an emotion reading');
  });
}

// Events are JSON (dates become strings); this is their shape, to and from.
const readingJson = (r: EmotionReading) => ({
  id: r.id,
  userId: r.userId,
  messageId: r.messageId,
  emotion: r.emotion,
  confidence: r.confidence,
  scores: r.scores,
  valence: r.valence,
  arousal: r.arousal,
  source: r.source,
  language: r.language ?? null,
  quality: r.quality ?? null,
  dissonance: r.dissonance ?? null,
  concealment: r.concealment ?? null,
  deviation: r.deviation ?? null,
  deviationDetail: r.deviationDetail ?? null,
  createdAt: r.createdAt.toISOString(),
});
export type ReadingEvent = ReturnType<typeof readingJson>;

/** A reading from a `Topic.emotionReading` event. */
export const readingFromEvent = (json: ReadingEvent): EmotionReading => ({ ...json, createdAt: new Date(json.createdAt) });

/** Validates and stores one reading. */
export async function recordReading(em: EntityManager, input: ReadingInput): Promise<EmotionReading> {
  const reading = em.create(EmotionReadingEntity, { id: randomUUID(), ...validateReading(input) });
  await em.flush();
  return reading;
}
