import { EMOTIONS, type Emotion } from '../entities.js';
import type { TextEmotion } from '../text/emotion.js';

/** Where each emotion sits on the circumplex: [valence -1..1, arousal 0..1] (Russell 1980, approximately). */
export const CIRCUMPLEX: Record<Emotion, [number, number]> = {
  NEUTRAL: [0, 0.3],
  HAPPY: [0.8, 0.6],
  SAD: [-0.7, 0.2],
  ANGRY: [-0.6, 0.85],
  FEAR: [-0.7, 0.8],
  SURPRISE: [0.2, 0.85],
  DISGUST: [-0.6, 0.5],
};

/** How much the voice model counts against the words at full audio quality (it is a weak model: see its card). */
export const VOICE_WEIGHT = 0.5;
/** How much the words count at full evidence. */
export const TEXT_WEIGHT = 0.6;
/** Share of SAD + FEAR in the voice above which a deflection counts as concealment. */
export const CONCEALMENT_DISTRESS = 0.45;
/** Audio quality below which the voice is not trusted to contradict the words. */
export const CONCEALMENT_MIN_QUALITY = 0.35;

/** Voice probabilities pulled toward uniform as quality drops: poor audio lowers confidence instead of giving confident nonsense. */
export function degradeByQuality(probabilities: ArrayLike<number>, quality: number): number[] {
  const k = EMOTIONS.length;
  return Array.from({ length: k }, (_, i) => quality * (probabilities[i] ?? 0) + (1 - quality) / k);
}

export const valenceArousal = (scores: number[]): { valence: number; arousal: number } => {
  let valence = 0;
  let arousal = 0;
  EMOTIONS.forEach((e, i) => {
    valence += scores[i]! * CIRCUMPLEX[e][0];
    arousal += scores[i]! * CIRCUMPLEX[e][1];
  });
  return { valence, arousal };
};

export interface Fused {
  scores: number[];
  valence: number;
  arousal: number;
  /** 0..1: words and voice disagree (words pleasant, voice distressed), when both are there. */
  dissonance: number | null;
  /** The words deflect ("niko poa", "I'm fine") while the voice sounds sad or afraid. */
  concealment: boolean | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * One reading from voice (quality-degraded probabilities) and words. Linear opinion pool weighted
 * by audio quality and textual evidence; when the words deflect and the voice is distressed, the
 * words lose most of their weight (they are what the person chose to show).
 */
export function fuse(voice: { probabilities: number[]; quality: number } | null, text: TextEmotion | null): Fused {
  const distress = voice ? voice.probabilities[EMOTIONS.indexOf('SAD')]! + voice.probabilities[EMOTIONS.indexOf('FEAR')]! : 0;
  const deflects = !!text?.deflections.length;
  const concealment = voice && text ? deflects && distress >= CONCEALMENT_DISTRESS && voice.quality >= CONCEALMENT_MIN_QUALITY : null;
  let dissonance: number | null = null;
  if (voice && text) {
    const voiceValence = valenceArousal(voice.probabilities).valence;
    const wordsValence = deflects ? Math.max(text.valence, 0.3) : text.valence;
    // Positive when words are more pleasant than the voice; scaled by how far apart and how sure the voice is.
    dissonance = clamp(((wordsValence - voiceValence) / 1.5) * (0.5 + 0.5 * voice.quality), 0, 1);
    if (concealment) dissonance = Math.max(dissonance, distress);
    dissonance = Math.round(dissonance * 1000) / 1000;
  }
  const wv = voice ? VOICE_WEIGHT * voice.quality : 0;
  const wt = text ? TEXT_WEIGHT * text.evidence * (concealment ? 0.25 : 1) : 0;
  let scores: number[];
  if (voice && text && wv + wt > 0) scores = voice.probabilities.map((p, i) => (wv * p + wt * text.scores[i]!) / (wv + wt));
  else scores = voice ? [...voice.probabilities] : text ? [...text.scores] : EMOTIONS.map(() => 1 / EMOTIONS.length);
  const { valence, arousal } = valenceArousal(scores);
  const textValence = text && wt > 0 ? text.valence : null;
  const fusedValence = textValence === null ? valence : (wv * valence + wt * textValence) / (wv + wt);
  return { scores, valence: clamp(fusedValence, -1, 1), arousal: clamp(arousal, 0, 1), dissonance, concealment };
}
