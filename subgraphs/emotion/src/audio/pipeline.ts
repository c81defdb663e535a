import { TARGET_RATE, normalise, resample } from './dsp.js';
import { extractFeatures } from './features.js';
import { assessQuality, type AudioQuality } from './quality.js';
import type { SileroVad, VadResult } from './vad.js';
import { DEFAULT_AUDIO_LIMITS, decodeWav, type AudioLimits, type DecodedAudio } from './wav.js';

export interface PreparedAudio {
  decoded: Omit<DecodedAudio, 'samples'>;
  /** 16 kHz mono, DC removed, normalised to -23 dBFS RMS (peak ≤ 0.99). */
  samples: Float32Array;
  vad: VadResult;
  quality: AudioQuality;
}

/** Decode and validate (throws `AudioError`), resample to 16 kHz mono, normalise, detect speech, score quality. */
export async function prepareAudio(bytes: Uint8Array, vad: SileroVad, limits: AudioLimits = DEFAULT_AUDIO_LIMITS): Promise<PreparedAudio> {
  const decoded = decodeWav(bytes, limits);
  const samples = normalise(resample(decoded.samples, decoded.sampleRate, TARGET_RATE)).samples;
  const detected = await vad.detect(samples);
  const quality = assessQuality(samples, detected.probabilities, detected.speechRatio, decoded.clippedRatio);
  const { samples: _raw, ...info } = decoded;
  return { decoded: info, samples, vad: detected, quality };
}

/** The acoustic feature vector of prepared audio (speech frames only, when there are any). */
export const featuresOf = (audio: PreparedAudio): Float32Array => extractFeatures(audio.samples, audio.vad.segments);
