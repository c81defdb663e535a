import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { FEATURE_NAMES } from '../audio/features.js';
import { EMOTIONS, type Emotion } from '../entities.js';
import { MODEL_INPUT, MODEL_OUTPUT, readModelMetadata } from './onnx-export.js';

/** The model shipped with the subgraph (see models/MODEL_CARD.md). */
export const DEFAULT_MODEL_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models/emotion.onnx');

/**
 * The acoustic emotion classifier on onnxruntime-node. Any ONNX model drops in that takes
 * `features: float32[N, FEATURE_NAMES.length]` (56) (FEATURE_NAMES order) and gives `probabilities: float32[N, 7]`
 * (EMOTIONS order); when its metadata names its features and labels, they must match.
 */
export class EmotionClassifier {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly metadata: Record<string, string>,
  ) {}

  static async load(modelPath = DEFAULT_MODEL_PATH): Promise<EmotionClassifier> {
    const bytes = readFileSync(modelPath);
    const metadata = readModelMetadata(bytes);
    if (metadata.feature_names && metadata.feature_names !== JSON.stringify(FEATURE_NAMES)) {
      throw new Error(`The emotion model ${modelPath} was trained on other features than this pipeline extracts.`);
    }
    if (metadata.labels && metadata.labels !== JSON.stringify(EMOTIONS)) throw new Error(`The emotion model ${modelPath} has other labels than ${EMOTIONS.join(', ')}.`);
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', logSeverityLevel: 3 });
    if (!session.inputNames.includes(MODEL_INPUT) || !session.outputNames.includes(MODEL_OUTPUT)) {
      throw new Error(`The emotion model ${modelPath} must take '${MODEL_INPUT}' and give '${MODEL_OUTPUT}'.`);
    }
    return new EmotionClassifier(session, metadata);
  }

  /** Probabilities of the seven emotions (EMOTIONS order) for each feature vector. */
  async classifyBatch(rows: Float32Array[]): Promise<Float32Array[]> {
    const width = FEATURE_NAMES.length;
    if (rows.some((row) => row.length !== width)) throw new Error(`The emotion model takes ${width} features a row.`);
    // A single row (the serving path) goes in as it is; several are packed into one tensor.
    let input = rows[0]!;
    if (rows.length !== 1) {
      input = new Float32Array(rows.length * width);
      rows.forEach((row, i) => input.set(row, i * width));
    }
    const out = await this.session.run({ [MODEL_INPUT]: new ort.Tensor('float32', input, [rows.length, width]) });
    const data = out[MODEL_OUTPUT]!.data as Float32Array;
    const k = data.length / rows.length;
    if (k !== EMOTIONS.length) throw new Error(`The emotion model gives ${k} scores, not ${EMOTIONS.length}.`);
    return rows.map((_, i) => data.slice(i * k, (i + 1) * k));
  }

  async classify(features: Float32Array): Promise<Float32Array> {
    return (await this.classifyBatch([features]))[0]!;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** Probabilities as `{ emotion, score }` pairs (EMOTIONS order). */
export const scoresOf = (probabilities: ArrayLike<number>): { emotion: Emotion; score: number }[] => EMOTIONS.map((emotion, i) => ({ emotion, score: probabilities[i] ?? 0 }));
