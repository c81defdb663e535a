import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { featuresOf, prepareAudio } from '../src/audio/pipeline.js';
import type { SileroVad } from '../src/audio/vad.js';
import { DEFAULT_AUDIO_LIMITS } from '../src/audio/wav.js';
import { EMOTIONS, type Emotion } from '../src/entities.js';

/** RAVDESS emotion codes (the 3rd field of `03-01-05-01-02-01-12.wav`); calm counts as neutral. */
const RAVDESS: Record<string, Emotion> = { '01': 'NEUTRAL', '02': 'NEUTRAL', '03': 'HAPPY', '04': 'SAD', '05': 'ANGRY', '06': 'FEAR', '07': 'DISGUST', '08': 'SURPRISE' };
/** CREMA-D emotion codes (the 3rd field of `1001_DFA_ANG_XX.wav`); it has no surprise. */
const CREMA: Record<string, Emotion> = { NEU: 'NEUTRAL', HAP: 'HAPPY', SAD: 'SAD', ANG: 'ANGRY', FEA: 'FEAR', DIS: 'DISGUST' };

export interface LabelledFile {
  file: string;
  emotion: Emotion;
  /** Who spoke: the split is by speaker, never by file. */
  speaker: string;
}

/** The emotion and speaker a file's name tells (RAVDESS or CREMA-D naming); null for other names. */
export function labelOf(file: string): Omit<LabelledFile, 'file'> | null {
  const name = path.basename(file);
  const ravdess = /^(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d+)\.wav$/i.exec(name);
  if (ravdess && RAVDESS[ravdess[3]!]) return { emotion: RAVDESS[ravdess[3]!]!, speaker: `actor-${ravdess[7]}` };
  const crema = /^(\d{4})_([A-Z]{3})_([A-Z]{3})_([A-Z]{2})\.wav$/i.exec(name);
  if (crema && CREMA[crema[3]!.toUpperCase()]) return { emotion: CREMA[crema[3]!.toUpperCase()]!, speaker: `crema-${crema[1]}` };
  return null;
}

/** Every labelled WAV under `dir` (recursively). */
export function listCorpus(dir: string): LabelledFile[] {
  if (!existsSync(dir)) throw new Error(`No corpus at ${dir}.`);
  const out: LabelledFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const label = labelOf(full);
        if (label) out.push({ file: full, ...label });
      }
    }
  };
  walk(dir);
  return out;
}

export interface FeatureRow extends LabelledFile {
  features: Float32Array;
  label: number;
}

/** Runs the serving pipeline (decode, 16 kHz, normalise, Silero VAD, features) over every file; unusable files are skipped and counted. */
export async function extractCorpus(files: LabelledFile[], vad: SileroVad, onProgress?: (done: number) => void): Promise<{ rows: FeatureRow[]; skipped: { file: string; reason: string }[] }> {
  const rows: FeatureRow[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const limits = { ...DEFAULT_AUDIO_LIMITS, maxBytes: 64 * 1024 * 1024 };
  for (const [i, f] of files.entries()) {
    try {
      const audio = await prepareAudio(readFileSync(f.file), vad, limits);
      rows.push({ ...f, features: featuresOf(audio), label: EMOTIONS.indexOf(f.emotion) });
    } catch (error) {
      skipped.push({ file: f.file, reason: error instanceof Error ? error.message : String(error) });
    }
    if (onProgress && i % 200 === 199) onProgress(i + 1);
  }
  return { rows, skipped };
}

/** A small command-line parser: `--name value` pairs. */
export function args(argv = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      if (next && !next.startsWith('--')) {
        out[a.slice(2)] = next;
        i++;
      } else out[a.slice(2)] = 'true';
    }
  }
  return out;
}
