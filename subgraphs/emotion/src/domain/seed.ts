import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoWorld } from '@resona/subgraph';
import { EmotionReadingEntity, type Emotion, type EmotionSource } from '../entities.js';
import { recordReading } from './readings.js';

/** Plausible readings, cycled through a patient's messages: [top emotion, its score, runner-up, valence, arousal]. */
const PALETTE: [Emotion, number, Emotion, number, number][] = [
  ['NEUTRAL', 0.62, 'SAD', 0.0, 0.3],
  ['SAD', 0.58, 'NEUTRAL', -0.55, 0.25],
  ['HAPPY', 0.71, 'SURPRISE', 0.7, 0.6],
  ['FEAR', 0.49, 'SAD', -0.6, 0.7],
  ['ANGRY', 0.52, 'DISGUST', -0.5, 0.8],
  ['NEUTRAL', 0.55, 'HAPPY', 0.15, 0.35],
  ['SURPRISE', 0.47, 'HAPPY', 0.3, 0.75],
];
const SOURCES: EmotionSource[] = ['FUSED', 'VOICE', 'TEXT'];

/** A reading for every patient's own (USER) messages; messages that already have one are skipped. */
export async function seedReadings(em: EntityManager, world: DemoWorld): Promise<void> {
  const patients = new Set(world.users.filter((u) => u.roles.includes('PATIENT')).map((u) => u.id));
  const messages = world.messages.filter((m) => m.role === 'USER' && patients.has(m.userId));
  if (!messages.length) return;
  const existing = await em.find(EmotionReadingEntity, { messageId: { $in: messages.map((m) => m.id) } });
  const done = new Set(existing.map((r) => r.messageId));
  for (const [index, message] of messages.entries()) {
    if (done.has(message.id)) continue;
    const [emotion, top, second, valence, arousal] = PALETTE[index % PALETTE.length]!;
    const runnerUp = Math.round((1 - top) * 0.6 * 100) / 100;
    const others = (['NEUTRAL', 'HAPPY', 'SAD', 'ANGRY', 'FEAR', 'SURPRISE', 'DISGUST'] as Emotion[]).filter((e) => e !== emotion && e !== second);
    const rest = (1 - top - runnerUp) / others.length;
    await recordReading(em, {
      userId: message.userId,
      messageId: message.id,
      emotion,
      scores: [{ emotion, score: top }, { emotion: second, score: runnerUp }, ...others.map((e) => ({ emotion: e, score: rest }))],
      valence,
      arousal,
      source: SOURCES[index % SOURCES.length]!,
      createdAt: new Date(message.createdAt.getTime() + 500),
    });
  }
}
