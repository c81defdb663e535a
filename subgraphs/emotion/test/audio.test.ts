import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { Fft, RealFft, TARGET_RATE, normalise, resample } from '../src/audio/dsp.js';
import { FEATURE_NAMES, extractFeatures } from '../src/audio/features.js';
import { assessQuality } from '../src/audio/quality.js';
import { SileroVad } from '../src/audio/vad.js';
import { AudioError, decodeWav, encodeWav } from '../src/audio/wav.js';
import { EmotionClassifier } from '../src/model/classifier.js';
import { exportLinearModel, readModelMetadata } from '../src/model/onnx-export.js';
import { score } from '../src/model/train.js';
import { fuse, degradeByQuality } from '../src/domain/fusion.js';
import { deviationFrom } from '../src/domain/baseline.js';
import { textEmotion } from '../src/text/emotion.js';
import { detectLanguage } from '@resona/language';
import { EMOTIONS } from '../src/entities.js';
import { requireEspeak, speak } from '../scripts/espeak.js';
import { prng } from '../scripts/synth.js';
import { labelOf } from '../scripts/corpus.js';

const noise = (seconds: number, rate: number, amplitude: number, seed = 1) => {
  const random = prng(seed);
  return Float32Array.from({ length: Math.round(seconds * rate) }, () => (random() * 2 - 1) * amplitude);
};
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof AudioError) return error.problem;
    throw error;
  }
  return 'accepted';
};
/** A WAV header claiming `bits`-bit samples over `bytes` of zero-ish data. */
const headerWith = (bits: number, rate = 16000, channels = 1, dataBytes = 32000) => {
  const wav = encodeWav(noise(dataBytes / 2 / rate, rate, 0.2), rate);
  wav.writeUInt16LE(channels, 22);
  wav.writeUInt16LE((channels * bits) / 8, 32);
  wav.writeUInt16LE(bits, 34);
  return wav;
};

/** espeak-ng speech as 16 kHz samples, with `pad` seconds of silence each side. */
function speech(text: string, voice = 'en-us', pad = 0.5): Float32Array {
  requireEspeak(); // fails with: apt-get install -y espeak-ng
  const wav = decodeWav(speak(text, voice), { minSeconds: 0, maxSeconds: 60, maxBytes: 1 << 26, maxClippedRatio: 1, minPeak: 0 });
  const x = resample(wav.samples, wav.sampleRate, TARGET_RATE);
  const out = new Float32Array(x.length + 2 * pad * TARGET_RATE);
  out.set(x, pad * TARGET_RATE);
  return out;
}

describe('WAV decoding and validation', () => {
  it('decodes 16-bit PCM mono and stereo at 8–48 kHz', () => {
    const tone = Float32Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 8000));
    const decoded = decodeWav(encodeWav(tone, 8000));
    expect(decoded).toMatchObject({ sampleRate: 8000, channels: 1, durationSeconds: 1 });
    expect(decoded.peak).toBeCloseTo(0.5, 2);
    const stereo = headerWith(16, 48000, 2, 48000 * 4);
    expect(decodeWav(stereo)).toMatchObject({ sampleRate: 48000, channels: 2, durationSeconds: 1 });
  });

  it.each([
    ['empty', () => new Uint8Array(0), 'EMPTY'],
    ['a truncated header', () => encodeWav(noise(1, 16000, 0.3), 16000).subarray(0, 20), 'TRUNCATED'],
    ['a header cut before its data', () => encodeWav(noise(1, 16000, 0.3), 16000).subarray(0, 36), 'TRUNCATED'],
    ['truncated data', () => encodeWav(noise(2, 16000, 0.3), 16000).subarray(0, 20000), 'TRUNCATED'],
    ['not a WAV', () => Buffer.from('ID3\u0003 this is an mp3, honest'.repeat(4)), 'NOT_WAV'],
    ['8-bit samples', () => headerWith(8), 'SAMPLE_WIDTH'],
    ['24-bit samples', () => headerWith(24), 'SAMPLE_WIDTH'],
    ['96 kHz', () => encodeWav(noise(1, 96000, 0.3), 96000), 'SAMPLE_RATE'],
    ['6 kHz', () => encodeWav(noise(1, 6000, 0.3), 6000), 'SAMPLE_RATE'],
    ['0.2 s', () => encodeWav(noise(0.2, 16000, 0.3), 16000), 'TOO_SHORT'],
    ['silence', () => encodeWav(new Float32Array(16000 * 2), 16000), 'SILENT'],
    ['a clipped square wave', () => encodeWav(Float32Array.from({ length: 32000 }, (_, i) => (Math.floor(i / 40) % 2 ? 1.2 : -1.2)), 16000), 'CLIPPED'],
  ])('refuses %s', (_name, make, expected) => {
    expect(problem(() => decodeWav(make()))).toBe(expected);
  });

  it('refuses 10 minutes of noise as too long (and too large at the default byte limit)', () => {
    const tenMinutes = encodeWav(noise(600, 16000, 0.3), 16000);
    expect(problem(() => decodeWav(tenMinutes))).toBe('TOO_LARGE');
    expect(problem(() => decodeWav(tenMinutes, { minSeconds: 0.5, maxSeconds: 60, maxBytes: 1 << 26, maxClippedRatio: 0.05, minPeak: 0.003 }))).toBe('TOO_LONG');
  });

  it('accepts streaming headers (unknown data size), as espeak-ng writes them', () => {
    const wav = encodeWav(noise(1, 22050, 0.3), 22050);
    wav.writeUInt32LE(0x7ffff000, 40);
    expect(decodeWav(wav).durationSeconds).toBeCloseTo(1, 2);
  });
});

describe('FFTs', () => {
  /** The textbook DFT, O(n²): what the fast transforms must agree with. */
  const dft = (x: Float64Array, xi = new Float64Array(x.length)) => {
    const n = x.length;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      for (let t = 0; t < n; t++) {
        const a = (-2 * Math.PI * k * t) / n;
        re[k] = re[k]! + x[t]! * Math.cos(a) - xi[t]! * Math.sin(a);
        im[k] = im[k]! + x[t]! * Math.sin(a) + xi[t]! * Math.cos(a);
      }
    }
    return { re, im };
  };
  const random = prng(3);
  const signal = (n: number) => Float64Array.from({ length: n }, () => random() * 2 - 1);

  it.each([1, 2, 4, 8, 64, 256])('the complex FFT of size %i matches the DFT', (n) => {
    const [re, im] = [signal(n), signal(n)];
    const expected = dft(re, im);
    new Fft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      expect(re[k]).toBeCloseTo(expected.re[k]!, 9);
      expect(im[k]).toBeCloseTo(expected.im[k]!, 9);
    }
  });

  it.each([4, 16, 512])('the real FFT of size %i matches the DFT (zero-padded input, first bins only)', (n) => {
    const input = signal(n - 2);
    const padded = new Float64Array(n);
    padded.set(input);
    const expected = dft(padded);
    const re = new Float64Array(n / 2 + 1);
    const im = new Float64Array(n / 2 + 1);
    new RealFft(n).forward(input, re, im);
    for (let k = 0; k <= n / 2; k++) {
      expect(re[k]).toBeCloseTo(expected.re[k]!, 9);
      expect(im[k]).toBeCloseTo(expected.im[k]!, 9);
    }
    const few = new Float64Array(n / 2 + 1).fill(7);
    new RealFft(n).forward(input, few, new Float64Array(n / 2 + 1), 2);
    expect(few[1]).toBeCloseTo(expected.re[1]!, 9);
    expect(few[2]).toBe(7); // bins past the asked ones are left alone
  });
});

describe('resampling and normalising', () => {
  it('resamples 44.1 kHz to 16 kHz keeping a tone in place, and normalises to -23 dBFS', () => {
    const tone = Float32Array.from({ length: 44100 }, (_, i) => 0.9 * Math.sin((2 * Math.PI * 500 * i) / 44100));
    const out = resample(tone, 44100, 16000);
    expect(out.length).toBe(16000);
    let crossings = 0;
    for (let i = 1000; i < 15000; i++) if (out[i - 1]! < 0 && out[i]! >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(436); // 500 Hz over 0.875 s
    expect(crossings).toBeLessThanOrEqual(439);
    const { samples } = normalise(out);
    const rms = Math.sqrt(samples.reduce((s, v) => s + v * v, 0) / samples.length);
    expect(20 * Math.log10(rms)).toBeCloseTo(-23, 0);
  });
});

describe('Silero VAD, quality, features and the model', () => {
  let vad: SileroVad;
  let model: EmotionClassifier;
  beforeAll(async () => {
    vad = await SileroVad.load();
    model = await EmotionClassifier.load();
  });
  afterAll(async () => {
    await vad.close();
    await model.close();
  });

  it('finds the speech in espeak-ng speech padded with silence, and little in noise', async () => {
    const x = normalise(speech('Habari yako. Leo nimechoka sana, lakini niko poa tu.', 'sw', 1)).samples;
    const found = await vad.detect(x);
    expect(found.segments.length).toBeGreaterThan(0);
    expect(found.segments[0]!.start / TARGET_RATE).toBeGreaterThan(0.7);
    expect(found.speechRatio).toBeGreaterThan(0.3);
    expect(found.speechRatio).toBeLessThan(0.85);
    const hiss = normalise(noise(3, TARGET_RATE, 0.3)).samples;
    expect((await vad.detect(hiss)).speechRatio).toBeLessThan(0.15);
  });

  it('scores clean speech above the same speech in loud noise (LOW_SNR), and noise alone lowest', async () => {
    const clean = speech('I went to the market this morning and it was fine.', 'en-us+f2');
    const hiss = noise(clean.length / TARGET_RATE, TARGET_RATE, 0.15, 3);
    const noisy = clean.map((v, i) => v + (hiss[i] ?? 0));
    const q = async (x: Float32Array) => {
      const n = normalise(Float32Array.from(x)).samples;
      const d = await vad.detect(n);
      return assessQuality(n, d.probabilities, d.speechRatio, 0);
    };
    const [a, b, c] = [await q(clean), await q(noisy), await q(noise(3, TARGET_RATE, 0.3))];
    expect(a.score).toBeGreaterThan(0.6);
    expect(a.snrDb).toBeGreaterThan(20);
    expect(b.score).toBeLessThan(a.score);
    expect(b.flags).toContain('LOW_SNR');
    expect(c.score).toBeLessThan(0.2);
  });

  it('extracts a finite feature vector with a plausible pitch, and the shipped model gives 7 probabilities', async () => {
    const x = normalise(speech('We will meet again on Tuesday.', 'en-us+m1')).samples;
    const d = await vad.detect(x);
    const f = extractFeatures(x, d.segments);
    expect(f.length).toBe(FEATURE_NAMES.length);
    expect([...f].every(Number.isFinite)).toBe(true);
    const pitchHz = 100 * 2 ** (f[FEATURE_NAMES.indexOf('pitch_mean_st')]! / 12);
    expect(pitchHz).toBeGreaterThan(70);
    expect(pitchHz).toBeLessThan(300);
    const p = await model.classify(f);
    expect(p.length).toBe(7);
    expect([...p].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    expect(model.metadata.test_speakers).toBeDefined();
  });

  it('writes an ONNX model with onnx-proto that onnxruntime runs (standardise, MatMul, Add, Softmax)', async () => {
    const f = FEATURE_NAMES.length;
    const weights = new Float32Array(f * 7);
    weights[FEATURE_NAMES.indexOf('pitch_mean_st') * 7 + EMOTIONS.indexOf('FEAR')] = 5;
    const bytes = exportLinearModel({ featureNames: FEATURE_NAMES, labels: EMOTIONS, mean: new Float32Array(f), std: new Float32Array(f).fill(1), weights, bias: new Float32Array(7) }, { note: 'test' });
    expect(readModelMetadata(bytes).note).toBe('test');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const file = `${mkdtempSync('/tmp/emotion-model-')}/m.onnx`;
    writeFileSync(file, bytes);
    const loaded = await EmotionClassifier.load(file);
    const row = new Float32Array(f);
    row[FEATURE_NAMES.indexOf('pitch_mean_st')] = 1;
    const p = await loaded.classify(row);
    expect(EMOTIONS[p.indexOf(Math.max(...p))]).toBe('FEAR');
    await loaded.close();
  });
});

describe('the text emotion model card', () => {
  it('still holds: held-out accuracy at least the 0.471 it states', () => {
    const items = readFileSync(new URL('../data/eval/text-emotion-holdout.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { emotion: (typeof EMOTIONS)[number]; text: string });
    const result = score(items.map((item) => fuse(null, textEmotion(item.text)).scores), items.map((item) => EMOTIONS.indexOf(item.emotion)), EMOTIONS);
    expect(result.n).toBe(210);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.471);
  });
});

describe('language, text emotion, fusion, baseline', () => {
  it.each([
    ['Niko poa tu, asante', 'SW'],
    ['I am fine, thanks for asking', 'EN'],
    ['Sasa msee, I am so stressed na kazi hii', 'MIXED'],
    ['Nimechoka sana leo', 'SW'],
  ])('tells the language of %j', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('handles Swahili negation: "sina furaha" and "siko sawa" are unhappy, "nina furaha" is happy', () => {
    const sina = textEmotion('Sina furaha leo');
    expect(EMOTIONS[sina.scores.indexOf(Math.max(...sina.scores))]).toBe('SAD');
    expect(sina.valence).toBeLessThan(0);
    const siko = textEmotion('siko sawa kabisa');
    expect(siko.valence).toBeLessThan(0);
    expect(siko.deflections).toEqual([]);
    const nina = textEmotion('nina furaha sana');
    expect(EMOTIONS[nina.scores.indexOf(Math.max(...nina.scores))]).toBe('HAPPY');
    expect(nina.valence).toBeGreaterThan(0);
    expect(textEmotion('I am not happy at all').valence).toBeLessThan(0);
    expect(textEmotion('I feel so scared and anxious').scores[EMOTIONS.indexOf('FEAR')]).toBeGreaterThan(0.5);
  });

  it('flags concealment when the words deflect and the voice sounds sad, and not when the voice agrees', () => {
    const sadVoice = EMOTIONS.map((e) => (e === 'SAD' ? 0.7 : 0.05));
    const calmVoice = EMOTIONS.map((e) => (e === 'NEUTRAL' ? 0.7 : 0.05));
    const poa = textEmotion('niko poa tu');
    expect(poa.deflections.map((d) => d.kind)).toContain('FINE');
    const hidden = fuse({ probabilities: sadVoice, quality: 0.9 }, poa);
    expect(hidden.concealment).toBe(true);
    expect(hidden.dissonance!).toBeGreaterThan(0.5);
    // With concealment the voice leads: the reading is sad, not "poa".
    expect(EMOTIONS[hidden.scores.indexOf(Math.max(...hidden.scores))]).toBe('SAD');
    const honest = fuse({ probabilities: calmVoice, quality: 0.9 }, poa);
    expect(honest.concealment).toBe(false);
    expect(honest.dissonance!).toBeLessThan(0.4);
    // Poor audio cannot contradict the words.
    expect(fuse({ probabilities: degradeByQuality(sadVoice, 0.1), quality: 0.1 }, poa).concealment).toBe(false);
  });

  it('pulls poor audio toward even scores (lower confidence)', () => {
    const sure = EMOTIONS.map((e) => (e === 'ANGRY' ? 0.94 : 0.01));
    expect(Math.max(...degradeByQuality(sure, 1))).toBeCloseTo(0.94);
    expect(Math.max(...degradeByQuality(sure, 0.2))).toBeLessThan(0.35);
  });

  it('reports deviations only once the baseline has 5 readings, and marks large ones', () => {
    const base = { count: 4, mean: { pitch_mean_st: 2 }, variance: { pitch_mean_st: 1 } };
    expect(deviationFrom(base, { pitch_mean_st: 9 })).toBeNull();
    const d = deviationFrom({ ...base, count: 5 }, { pitch_mean_st: 5 })!;
    expect(d.score).toBeCloseTo(3);
    expect(d.marked).toBe(true);
  });

  it('reads RAVDESS and CREMA-D file names', () => {
    expect(labelOf('/x/03-01-05-01-02-01-12.wav')).toEqual({ emotion: 'ANGRY', speaker: 'actor-12' });
    expect(labelOf('1001_DFA_FEA_XX.wav')).toEqual({ emotion: 'FEAR', speaker: 'crema-1001' });
    expect(labelOf('notes.wav')).toBeNull();
  });
});
