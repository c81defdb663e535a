/**
 * `pnpm bench:emotion`: for 5 s clips (espeak-ng speech with light noise, 16 kHz), the latency of
 * decode (+ resample + normalise), Silero VAD, features and the emotion model, and of the whole
 * pipeline (p50/p95/p99, ms), and readings/s on one core (one request at a time, one thread each).
 * The load average is printed with the figures: on a shared 2-core machine other work moves the
 * tail a lot, so compare runs made at similar load.
 * Usage: tsx subgraphs/emotion/scripts/bench.ts [--runs 200] [--rate 16000]
 */
import { loadavg } from 'node:os';
import { TARGET_RATE, normalise, resample } from '../src/audio/dsp.js';
import { extractFeatures } from '../src/audio/features.js';
import { assessQuality } from '../src/audio/quality.js';
import { SileroVad } from '../src/audio/vad.js';
import { decodeWav, encodeWav } from '../src/audio/wav.js';
import { EmotionClassifier } from '../src/model/classifier.js';
import { args } from './corpus.js';
import { requireEspeak, speak } from './espeak.js';
import { prng } from './synth.js';

const opts = args();
const runs = Number(opts.runs ?? 200);
const rate = Number(opts.rate ?? 16000);
requireEspeak();
const speech = decodeWav(speak('Nimechoka sana leo, lakini niko poa tu. I am fine, really, thank you for asking me.', 'en-us+f2'), { minSeconds: 0, maxSeconds: 60, maxBytes: 1 << 26, maxClippedRatio: 1, minPeak: 0 });
const clip = new Float32Array(rate * 5);
const voice = resample(speech.samples, speech.sampleRate, rate);
const random = prng(7);
for (let i = 0; i < clip.length; i++) clip[i] = (voice[i % voice.length] ?? 0) * 0.5 + (random() - 0.5) * 0.01;
const wav = encodeWav(clip, rate);

const vad = await SileroVad.load();
const model = await EmotionClassifier.load(process.env.EMOTION_MODEL_PATH);
const loadBefore = loadavg()[0]!;
const stages = { decode: [] as number[], vad: [] as number[], features: [] as number[], inference: [] as number[], total: [] as number[] };
for (let r = 0; r < runs + 20; r++) {
  const t0 = performance.now();
  const decoded = decodeWav(wav);
  const samples = normalise(resample(decoded.samples, decoded.sampleRate, TARGET_RATE)).samples;
  const t1 = performance.now();
  const detected = await vad.detect(samples);
  assessQuality(samples, detected.probabilities, detected.speechRatio, decoded.clippedRatio);
  const t2 = performance.now();
  const features = extractFeatures(samples, detected.segments);
  const t3 = performance.now();
  await model.classify(features);
  const t4 = performance.now();
  if (r < 20) continue; // warm-up
  stages.decode.push(t1 - t0);
  stages.vad.push(t2 - t1);
  stages.features.push(t3 - t2);
  stages.inference.push(t4 - t3);
  stages.total.push(t4 - t0);
}
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
console.log(`emotion pipeline, 5 s clips at ${rate} Hz, ${runs} runs (after 20 warm-up), one request at a time, 1 ONNX thread`);
console.log('stage            p50 ms   p95 ms   p99 ms');
for (const [name, values] of Object.entries(stages)) {
  console.log(`${name.padEnd(15)} ${pct(values, 0.5).toFixed(2).padStart(7)}  ${pct(values, 0.95).toFixed(2).padStart(7)}  ${pct(values, 0.99).toFixed(2).padStart(7)}`);
}
const mean = stages.total.reduce((s, v) => s + v, 0) / stages.total.length;
console.log(`readings/s on one core: ${(1000 / mean).toFixed(1)} (mean ${mean.toFixed(2)} ms per 5 s clip)`);
console.log(`1-minute load average: ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
await vad.close();
await model.close();
