import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { EmotionBaselineEntity } from '../entities.js';

/** Readings needed before deviations are reported. */
export const BASELINE_MIN_READINGS = 5;
/** The baseline follows about this many recent readings (exponential weighting, α = 1 / min(n, window)). */
export const BASELINE_WINDOW = 30;
/** RMS z at and above which a deviation is marked (a signal for risk). */
export const MARKED_DEVIATION = 2.5;
/** Variance floor per followed value, so a steady person's tiny spread does not make every reading extreme. */
const MIN_VARIANCE = 0.01;

export interface Deviation {
  /** RMS of the z-scores of the values both the baseline and the reading have. */
  score: number;
  marked: boolean;
  z: Record<string, number>;
}

/** z-scores of `values` against `baseline`; null until the baseline has BASELINE_MIN_READINGS. */
export function deviationFrom(baseline: { count: number; mean: Record<string, number>; variance: Record<string, number> } | null, values: Record<string, number>): Deviation | null {
  if (!baseline || baseline.count < BASELINE_MIN_READINGS) return null;
  const z: Record<string, number> = {};
  let sum = 0;
  let n = 0;
  for (const [key, value] of Object.entries(values)) {
    const mean = baseline.mean[key];
    const variance = baseline.variance[key];
    if (mean === undefined || variance === undefined) continue;
    const score = (value - mean) / Math.sqrt(Math.max(variance, MIN_VARIANCE));
    z[key] = Math.round(score * 100) / 100;
    sum += score * score;
    n++;
  }
  if (!n) return null;
  const score = Math.round(Math.sqrt(sum / n) * 1000) / 1000;
  return { score, marked: score >= MARKED_DEVIATION, z };
}

/**
 * Reads the person's baseline (locked for the rest of the transaction), returns the reading's
 * deviation from it, and folds the reading in. Call inside the reading's transaction.
 */
export async function applyBaseline(em: EntityManager, userId: string, values: Record<string, number>): Promise<Deviation | null> {
  let baseline = await em.findOne(EmotionBaselineEntity, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const deviation = deviationFrom(baseline, values);
  if (!baseline) {
    baseline = em.create(EmotionBaselineEntity, { userId, count: 0, mean: {}, variance: {}, updatedAt: new Date() });
  }
  const count = baseline.count + 1;
  const alpha = 1 / Math.min(count, BASELINE_WINDOW);
  const mean = { ...baseline.mean };
  const variance = { ...baseline.variance };
  for (const [key, value] of Object.entries(values)) {
    const m = mean[key];
    if (m === undefined) {
      mean[key] = value;
      variance[key] = 0;
      continue;
    }
    const diff = value - m;
    const increment = alpha * diff;
    mean[key] = m + increment;
    variance[key] = (1 - alpha) * ((variance[key] ?? 0) + diff * increment);
  }
  baseline.count = count;
  baseline.mean = mean;
  baseline.variance = variance;
  return deviation;
}
