/**
 * Builds the synthetic training corpus: espeak-ng speaking neutral sentences (English and
 * Swahili) under the prosody the literature reports for each emotion (Murray & Arnott 1993;
 * Schröder 2001: rate, pitch level, pitch range, loudness), with seeded jitter and noise.
 * Files are named in the RAVDESS scheme (`03-01-EE-II-SS-RR-AA.wav`, AA = speaker), so the
 * training script reads them like a real corpus. Deterministic for a given espeak-ng version.
 *
 * Usage: tsx subgraphs/emotion/scripts/synth.ts [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWav, encodeWav } from '../src/audio/wav.js';
import type { Emotion } from '../src/entities.js';
import { args } from './corpus.js';
import { requireEspeak, speak } from './espeak.js';

export const SYNTH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.data/emotion-corpus/synth');

/** Speakers: an espeak-ng language voice with a timbre variant. Actor numbers are their index + 1. */
export const SPEAKERS = [
  'en-us+m1', 'en-us+f2', 'en-gb+m3', 'en-gb+f1', 'en-029+m2', 'en-029+f3', 'en-gb-scotland+m4',
  'sw+m1', 'sw+f1', 'sw+m3', 'sw+f4', 'sw+m7', 'en-gb-x-rp+f4', 'en-us+m6',
] as const;

const SENTENCES = {
  en: [
    'The kids are talking by the door.',
    'Dogs are sitting by the door.',
    'I went to the market this morning.',
    'We will meet again on Tuesday.',
    'The bus was late again today.',
    'My sister called me last night.',
    'I am going home after work.',
    'It has been raining since the afternoon.',
  ],
  sw: [
    'Watoto wanaongea karibu na mlango.',
    'Nilienda sokoni asubuhi ya leo.',
    'Tutakutana tena siku ya Jumanne.',
    'Basi lilichelewa tena leo.',
    'Dada yangu alinipigia simu jana usiku.',
    'Ninaenda nyumbani baada ya kazi.',
    'Mvua imekuwa ikinyesha tangu mchana.',
    'Mama yangu anapika chakula jikoni.',
  ],
};

/** Prosody relative to neutral, per emotion: rate ×, pitch % shift, range ×, volume ×, tremolo depth (fear). */
const PROSODY: Record<Emotion, { rate: number; pitch: number; range: number; volume: number; tremolo: number }> = {
  NEUTRAL: { rate: 1.0, pitch: 0, range: 1.0, volume: 1.0, tremolo: 0 },
  HAPPY: { rate: 1.15, pitch: 20, range: 1.7, volume: 1.3, tremolo: 0 },
  SAD: { rate: 0.75, pitch: -15, range: 0.5, volume: 0.6, tremolo: 0 },
  ANGRY: { rate: 1.2, pitch: 10, range: 1.6, volume: 1.8, tremolo: 0 },
  FEAR: { rate: 1.35, pitch: 35, range: 1.3, volume: 1.0, tremolo: 0.25 },
  SURPRISE: { rate: 1.1, pitch: 40, range: 2.0, volume: 1.3, tremolo: 0 },
  DISGUST: { rate: 0.7, pitch: -20, range: 1.3, volume: 1.0, tremolo: 0 },
};
const CODES: Record<Emotion, string> = { NEUTRAL: '01', HAPPY: '03', SAD: '04', ANGRY: '05', FEAR: '06', DISGUST: '07', SURPRISE: '08' };

/** mulberry32: a small seeded PRNG, so the corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthesises the corpus into `out`; returns how many files. */
export function synthesise(out = SYNTH_DIR): number {
  requireEspeak();
  mkdirSync(out, { recursive: true });
  let count = 0;
  SPEAKERS.forEach((voice, s) => {
    const lang = voice.startsWith('sw') ? 'sw' : 'en';
    const random = prng(1000 + s);
    for (const [emotion, p] of Object.entries(PROSODY) as [Emotion, (typeof PROSODY)[Emotion]][]) {
      for (const intensity of [1, 2]) {
        const k = intensity === 1 ? 0.6 : 1.0;
        SENTENCES[lang].forEach((sentence, i) => {
          const jitter = () => 1 + (random() - 0.5) * 0.16;
          const rate = Math.round((1 + (p.rate - 1) * k) * 100 * jitter());
          const pitch = Math.round(p.pitch * k + (random() - 0.5) * 10);
          const range = Math.round((1 + (p.range - 1) * k) * 100 * jitter());
          const ssml = `<speak><prosody rate="${rate}%" pitch="${pitch >= 0 ? '+' : ''}${pitch}%" range="${range}%">${sentence}</prosody></speak>`;
          const wav = decodeWav(speak(ssml, voice), { minSeconds: 0.2, maxSeconds: 60, maxBytes: 1 << 26, maxClippedRatio: 1, minPeak: 0 });
          const x = wav.samples;
          const volume = (1 + (p.volume - 1) * k) * (0.35 + random() * 0.3);
          const tremolo = p.tremolo * k;
          const rateHz = 5 + random() * 3;
          const snr = 20 + random() * 25;
          let power = 0;
          for (const v of x) power += v * v;
          const noise = Math.sqrt(power / x.length / 10 ** (snr / 10));
          for (let j = 0; j < x.length; j++) {
            const am = 1 - tremolo * 0.5 * (1 + Math.sin((2 * Math.PI * rateHz * j) / wav.sampleRate));
            x[j] = Math.max(-1, Math.min(1, x[j]! * volume * am + noise * (random() * 2 - 1) * Math.sqrt(3)));
          }
          const name = `03-01-${CODES[emotion]}-0${intensity}-${String(i + 1).padStart(2, '0')}-01-${String(s + 1).padStart(2, '0')}.wav`;
          writeFileSync(path.join(out, name), encodeWav(x, wav.sampleRate));
          count++;
        });
      }
    }
  });
  writeFileSync(path.join(out, 'speakers.json'), JSON.stringify(Object.fromEntries(SPEAKERS.map((v, i) => [`actor-${String(i + 1).padStart(2, '0')}`, v])), null, 2));
  return count;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = args().out ?? SYNTH_DIR;
  const t = Date.now();
  console.log(`synthesised ${synthesise(out)} files into ${out} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
