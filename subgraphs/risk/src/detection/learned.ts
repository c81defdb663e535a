import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RiskLevel } from '../entities.js';
import { normalise } from './normalise.js';

/**
 * The learned layer (README, "Model card: the learned layer"): an L2 logistic regression over the
 * message's normalised words, word bigrams and character 3–5-grams, target HIGH+IMMINENT, trained on
 * fifteen authors' labelled messages by `pnpm train:crisis` (subgraphs/risk/scripts/train-crisis.ts) and
 * validated leave-one-author-out. It only RAISES the rules' level: to HIGH (an alert) at p ≥
 * `thresholds.high`, NONE/LOW to MODERATE (the human review queue) at p ≥ `thresholds.moderate`.
 */
export const LEARNED_MODEL_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/model/crisis-lr.json');

export interface LearnedModel {
  l2: number;
  thresholds: { moderate: number; high: number };
  bias: number;
  weights: Map<string, number>;
  /**
   * The second stage: P(IMMINENT) for a message already at HIGH (trained on HIGH and IMMINENT messages
   * only). At p ≥ `threshold` HIGH becomes IMMINENT. Absent when its validation did not pass.
   */
  imminent: { threshold: number; bias: number; weights: Map<string, number> } | null;
}

interface ModelFile {
  l2: number;
  thresholds: { moderate: number; high: number };
  bias: number;
  weights: Record<string, number>;
  imminent?: { threshold: number; bias: number; weights: Record<string, number> };
}

/**
 * The model's features (shared with the training script, so both see the same thing): tokens of the
 * normalised text (clause commas dropped), word bigrams and character 3–5-grams of the padded text,
 * each present once. Each is weighted 1/√n by `learnedProbability`.
 */
export function textFeatures(text: string, folds: Map<string, string>): string[] {
  const t = normalise(text, folds).text.replace(/ , /g, ' ');
  const words = t.split(' ').filter(Boolean);
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i > 0) out.add(`b:${words[i - 1]} ${w}`);
  });
  const padded = ` ${t} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  return [...out];
}

/** Loads the shipped weights; null when the file is absent (the layer is then off: a unit test checks it ships). */
export function loadLearnedModel(file = LEARNED_MODEL_FILE): LearnedModel | null {
  if (!existsSync(file)) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
  const { moderate, high } = data.thresholds;
  if (!(moderate > 0 && moderate <= high && high < 1)) throw new Error(`${file}: thresholds must satisfy 0 < moderate ≤ high < 1`);
  if (data.imminent && !(data.imminent.threshold > 0 && data.imminent.threshold < 1)) throw new Error(`${file}: the imminent threshold must be between 0 and 1`);
  return {
    l2: data.l2,
    thresholds: { moderate, high },
    bias: data.bias,
    weights: new Map(Object.entries(data.weights)),
    imminent: data.imminent ? { threshold: data.imminent.threshold, bias: data.imminent.bias, weights: new Map(Object.entries(data.imminent.weights)) } : null,
  };
}

/** The largest text the layer reads (the model was trained on messages of a few hundred characters): the rest is left to the rules, so the layer stays under 1 ms even on a 20,000-character message. */
export const LEARNED_MAX_CHARS = 1000;

/** A logistic regression's probability over a message's features (each weighted 1/√n). */
function probability(weights: Map<string, number>, bias: number, names: string[]): number {
  const scale = 1 / Math.sqrt(Math.max(1, names.length));
  let z = bias;
  for (const name of names) z += (weights.get(name) ?? 0) * scale;
  return 1 / (1 + Math.exp(-z));
}

/** A message's features as both stages read them: computed once, scored by each. */
export const learnedFeatures = (text: string, folds: Map<string, string>) => textFeatures(text.slice(0, LEARNED_MAX_CHARS), folds);

/** P(HIGH or IMMINENT) for one message's `learnedFeatures`. */
export function learnedProbability(model: LearnedModel, features: string[]): number {
  return probability(model.weights, model.bias, features);
}

/** P(IMMINENT) for a message at HIGH, from the second stage; null when the model has none. */
export function imminentProbability(model: LearnedModel, features: string[]): number | null {
  return model.imminent ? probability(model.imminent.weights, model.imminent.bias, features) : null;
}

/** The level the layer alone asks for (HIGH, MODERATE or null); the caller keeps the higher of it and the rules'. */
export function learnedLevel(model: LearnedModel, p: number): RiskLevel | null {
  return p >= model.thresholds.high ? 'HIGH' : p >= model.thresholds.moderate ? 'MODERATE' : null;
}
