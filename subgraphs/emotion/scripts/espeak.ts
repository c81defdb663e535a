import { execFileSync, spawnSync } from 'node:child_process';
import { TARGET_RATE, resample } from '../src/audio/dsp.js';
import { decodeWav, encodeWav } from '../src/audio/wav.js';

/** The install hint every caller gives when espeak-ng is missing. */
export const ESPEAK_INSTALL_HINT = 'espeak-ng is not installed: run `apt-get install -y espeak-ng` (Debian/Ubuntu) and try again.';

/** Throws with the install hint unless the `espeak-ng` command runs. */
export function requireEspeak(): void {
  const probe = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(ESPEAK_INSTALL_HINT);
}

/**
 * Speaks `text` (SSML when it starts with `<speak>`) with espeak-ng voice `voice` (e.g. `en-us+f3`,
 * `sw+m1`) and returns the WAV file it writes (22,050 Hz, 16-bit mono).
 */
export function speak(text: string, voice = 'en-us', extra: string[] = []): Buffer {
  const ssml = text.trimStart().startsWith('<speak');
  return execFileSync('espeak-ng', ['-v', voice, ...(ssml ? ['-m'] : []), ...extra, '--stdout', text], { maxBuffer: 64 * 1024 * 1024 });
}

/**
 * espeak-ng speech as a 16 kHz mono WAV with half a second of silence before and after (as a phone
 * records it), base64: the voice message tests send. With `seconds`, the speech is repeated (with
 * those pauses) to exactly that length. Fails with the install hint without espeak-ng.
 */
export function spokenWavBase64(text: string, voice = 'sw', seconds?: number): string {
  requireEspeak();
  const wav = decodeWav(speak(text, voice), { minSeconds: 0, maxSeconds: 60, maxBytes: 1 << 26, maxClippedRatio: 1, minPeak: 0 });
  const samples = resample(wav.samples, wav.sampleRate, TARGET_RATE);
  const padded = new Float32Array(samples.length + TARGET_RATE);
  padded.set(samples, TARGET_RATE / 2);
  if (seconds === undefined) return encodeWav(padded, TARGET_RATE).toString('base64');
  const clip = new Float32Array(Math.round(seconds * TARGET_RATE));
  for (let i = 0; i < clip.length; i++) clip[i] = padded[i % padded.length]!;
  return encodeWav(clip, TARGET_RATE).toString('base64');
}
