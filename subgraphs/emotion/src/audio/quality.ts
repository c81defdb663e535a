import { percentile } from './dsp.js';
import { VAD_WINDOW } from './vad.js';

/** What is wrong with usable-but-poor audio. */
export type QualityFlag = 'LOW_SNR' | 'CLIPPING' | 'LITTLE_SPEECH' | 'NO_SPEECH';

export interface AudioQuality {
  /** 0 (useless) .. 1 (clean): scales how much the voice counts in a reading. */
  score: number;
  /** Estimated signal-to-noise ratio, dB (speech windows against non-speech windows). */
  snrDb: number;
  clippedRatio: number;
  speechRatio: number;
  flags: QualityFlag[];
}

/** Below this SNR (dB) audio is flagged LOW_SNR. */
export const LOW_SNR_DB = 10;
/** Below this share of speech audio is flagged LITTLE_SPEECH. */
export const LITTLE_SPEECH_RATIO = 0.2;

/**
 * Scores audio quality from the VAD's window probabilities: SNR is the power of speech windows
 * (p ≥ 0.5) over that of the rest; when every window is speech (or none is), the 90th over the
 * 10th percentile of window power. Clipping and little speech lower the score too.
 */
export function assessQuality(samples: Float32Array, probabilities: Float32Array, speechRatio: number, clippedRatio: number): AudioQuality {
  const powers = new Float64Array(probabilities.length);
  let speech = 0;
  let speechN = 0;
  let noise = 0;
  let noiseN = 0;
  for (let w = 0; w < probabilities.length; w++) {
    let e = 0;
    const end = Math.min(samples.length, (w + 1) * VAD_WINDOW);
    for (let i = w * VAD_WINDOW; i < end; i++) e += samples[i]! * samples[i]!;
    const p = e / VAD_WINDOW + 1e-12;
    powers[w] = p;
    if (probabilities[w]! >= 0.5) {
      speech += p;
      speechN++;
    } else {
      noise += p;
      noiseN++;
    }
  }
  let snrDb: number;
  if (speechN >= 3 && noiseN >= 3) snrDb = 10 * Math.log10(speech / speechN / (noise / noiseN));
  else snrDb = 10 * Math.log10(percentile(powers, 0.9) / percentile(powers, 0.1));
  snrDb = Math.max(-10, Math.min(60, Number.isFinite(snrDb) ? snrDb : 0));

  const flags: QualityFlag[] = [];
  if (snrDb < LOW_SNR_DB) flags.push('LOW_SNR');
  if (clippedRatio > 0.001) flags.push('CLIPPING');
  if (speechRatio === 0) flags.push('NO_SPEECH');
  else if (speechRatio < LITTLE_SPEECH_RATIO) flags.push('LITTLE_SPEECH');
  const snrScore = Math.max(0, Math.min(1, (snrDb - 3) / 17));
  const clipScore = 1 - 0.8 * Math.min(1, clippedRatio / 0.05);
  const speechScore = speechRatio === 0 ? 0.05 : Math.min(1, 0.3 + (0.7 * speechRatio) / LITTLE_SPEECH_RATIO);
  const score = Math.round((0.15 + 0.85 * snrScore) * clipScore * speechScore * 1000) / 1000;
  return { score, snrDb: Math.round(snrDb * 10) / 10, clippedRatio, speechRatio, flags };
}
