/**
 * `pnpm train:emotion [--data DIR] [--out FILE] [--test-speakers a,b] [--val-speakers c,d]`
 *
 * Trains the acoustic emotion model on a folder of labelled WAVs (RAVDESS or CREMA-D file names;
 * without --data, the espeak-ng corpus of scripts/synth.ts, built first if missing), with a
 * speaker-independent split: test speakers are never seen in training, validation speakers only
 * fit the temperature (calibration). Exports ONNX (models/emotion.onnx by default) with the split
 * and the held-out figures in its metadata, and writes them to models/emotion.eval.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from '../src/audio/features.js';
import { SileroVad } from '../src/audio/vad.js';
import { EMOTIONS } from '../src/entities.js';
import { DEFAULT_MODEL_PATH, EmotionClassifier } from '../src/model/classifier.js';
import { exportLinearModel } from '../src/model/onnx-export.js';
import { fitTemperature, logitsOf, score, trainLinear, withTemperature } from '../src/model/train.js';
import { args, extractCorpus, listCorpus, type FeatureRow } from './corpus.js';
import { SYNTH_DIR, synthesise } from './synth.js';

/** Speakers sorted by name: every 5th (from the 3rd) is held out for test, every 5th (from the 5th) for calibration. */
export function splitSpeakers(speakers: string[], test?: string[], val?: string[]) {
  const sorted = [...new Set(speakers)].sort();
  const testSet = new Set(test ?? sorted.filter((_, i) => i % 5 === 2));
  const valSet = new Set(val ?? sorted.filter((_, i) => i % 5 === 4 && !testSet.has(sorted[i]!)));
  return { test: [...testSet].sort(), val: [...valSet].sort(), train: sorted.filter((s) => !testSet.has(s) && !valSet.has(s)) };
}

/** The corpus to use: --data, or the synthetic one (synthesised when missing). */
export function corpusDir(option?: string): string {
  if (option) return path.resolve(option);
  if (!existsSync(path.join(SYNTH_DIR, 'speakers.json'))) {
    console.log(`synthesising the espeak-ng corpus into ${SYNTH_DIR} …`);
    synthesise(SYNTH_DIR);
  }
  return SYNTH_DIR;
}

async function main() {
  const opts = args();
  const dir = corpusDir(opts.data);
  const out = path.resolve(opts.out ?? DEFAULT_MODEL_PATH);
  const files = listCorpus(dir);
  if (!files.length) throw new Error(`No RAVDESS- or CREMA-D-named WAV files under ${dir}.`);
  const split = splitSpeakers(files.map((f) => f.speaker), opts['test-speakers']?.split(','), opts['val-speakers']?.split(','));
  console.log(`${files.length} files, ${split.train.length} training / ${split.val.length} calibration / ${split.test.length} test speakers`);
  const vad = await SileroVad.load();
  const started = Date.now();
  const { rows, skipped } = await extractCorpus(files, vad, (n) => console.log(`  features: ${n}/${files.length}`));
  console.log(`features of ${rows.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s (${skipped.length} skipped)`);
  const part = (speakers: string[]) => rows.filter((r) => speakers.includes(r.speaker));
  const [train, val, test] = [part(split.train), part(split.val), part(split.test)];
  const raw = trainLinear(
    train.map((r) => r.features),
    train.map((r) => r.label),
    FEATURE_NAMES,
    EMOTIONS,
  );
  const temperature = val.length ? fitTemperature(val.map((r) => logitsOf(raw, r.features)), val.map((r) => r.label)) : 1;
  const model = withTemperature(raw, temperature);
  const corpus = opts.data ? `folder ${path.basename(dir)} (${files.length} files)` : `espeak-ng synthetic corpus (scripts/synth.ts, ${files.length} files)`;
  const evaluate = async (bytes: Uint8Array, rowsOf: FeatureRow[]) => {
    const tmp = `${out}.tmp`;
    writeFileSync(tmp, bytes);
    const classifier = await EmotionClassifier.load(tmp);
    const probabilities = rowsOf.length ? await classifier.classifyBatch(rowsOf.map((r) => r.features)) : [];
    await classifier.close();
    return score(probabilities, rowsOf.map((r) => r.label), EMOTIONS);
  };
  const metadata = { corpus, train_speakers: JSON.stringify(split.train), val_speakers: JSON.stringify(split.val), test_speakers: JSON.stringify(split.test), temperature: temperature.toFixed(3) };
  const heldOut = await evaluate(exportLinearModel(model, metadata), test);
  const trainScores = await evaluate(exportLinearModel(model, metadata), train);
  const bytes = exportLinearModel(model, { ...metadata, heldout: JSON.stringify({ n: heldOut.n, accuracy: heldOut.accuracy, uar: heldOut.uar, macroF1: heldOut.macroF1, ece: heldOut.ece }) });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const { rmSync } = await import('node:fs');
  rmSync(`${out}.tmp`, { force: true });
  const report = { model: path.basename(out), corpus, split, temperature, train: { n: trainScores.n, accuracy: trainScores.accuracy, uar: trainScores.uar }, heldOut, skipped: skipped.length };
  writeFileSync(out.replace(/\.onnx$/, '.eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify({ temperature, train: report.train, heldOut: { ...heldOut, confusion: undefined } }, null, 2));
  console.log(`wrote ${out} (${bytes.length} bytes)`);
  await vad.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
