/**
 * `pnpm eval:emotion [--model FILE] [--data DIR]`: reproduces a model's held-out figures. Reads
 * the test speakers from the model's metadata, runs the serving pipeline over their files (the
 * espeak-ng corpus by default, synthesised first when missing) and the model on onnxruntime-node,
 * prints accuracy, UAR, macro-F1, ECE, per-class recall and the confusion matrix, and exits 1 when
 * the figures differ from those the training run recorded in the model by more than 0.02.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SileroVad } from '../src/audio/vad.js';
import { EMOTIONS } from '../src/entities.js';
import { DEFAULT_MODEL_PATH, EmotionClassifier } from '../src/model/classifier.js';
import { readModelMetadata } from '../src/model/onnx-export.js';
import { formatConfusion, score } from '../src/model/train.js';
import { args, extractCorpus, listCorpus } from './corpus.js';
import { corpusDir } from './train.js';

const opts = args();
const modelPath = path.resolve(opts.model ?? process.env.EMOTION_MODEL_PATH ?? DEFAULT_MODEL_PATH);
const metadata = readModelMetadata(readFileSync(modelPath));
const testSpeakers: string[] = JSON.parse(metadata.test_speakers ?? '[]');
if (!testSpeakers.length) throw new Error(`${modelPath} does not name its test speakers.`);
const dir = corpusDir(opts.data);
const files = listCorpus(dir).filter((f) => testSpeakers.includes(f.speaker));
console.log(`model ${path.basename(modelPath)}: ${metadata.corpus ?? 'unknown corpus'}`);
console.log(`held-out speakers ${testSpeakers.join(', ')}: ${files.length} files under ${dir}`);
const vad = await SileroVad.load();
const { rows, skipped } = await extractCorpus(files, vad);
const model = await EmotionClassifier.load(modelPath);
const probabilities = await model.classifyBatch(rows.map((r) => r.features));
const result = score(probabilities, rows.map((r) => r.label), EMOTIONS);
console.log(JSON.stringify({ n: result.n, skipped: skipped.length, accuracy: result.accuracy, uar: result.uar, macroF1: result.macroF1, ece: result.ece, perClassRecall: result.perClassRecall }, null, 2));
console.log(formatConfusion(result.confusion, EMOTIONS));
await vad.close();
await model.close();
const recorded = metadata.heldout ? (JSON.parse(metadata.heldout) as { uar: number; accuracy: number }) : null;
if (recorded) {
  const same = Math.abs(recorded.uar - result.uar) <= 0.02 && Math.abs(recorded.accuracy - result.accuracy) <= 0.02;
  console.log(`recorded at training: accuracy ${recorded.accuracy}, UAR ${recorded.uar} — ${same ? 'reproduced' : 'NOT reproduced'}`);
  if (!same) process.exit(1);
}
