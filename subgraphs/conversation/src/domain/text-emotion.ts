import { readFileSync } from 'node:fs';
import { words } from './language.js';

/** The emotion subgraph's seven classes. */
export type Emotion = 'NEUTRAL' | 'HAPPY' | 'SAD' | 'ANGRY' | 'FEAR' | 'SURPRISE' | 'DISGUST';
/** The finer feelings the local responder answers to. */
export type Feeling = 'HOPELESS' | 'LONELY' | 'WORRIED' | 'ANGRY' | 'TIRED' | 'SAD' | 'LIGHTER' | 'NEUTRAL';

interface FeelingData {
  emotion: Emotion;
  valence: number;
  arousal: number;
  words: string[];
}
const templates = JSON.parse(readFileSync(new URL('../../data/responder-templates.json', import.meta.url), 'utf8')) as {
  feelings: Record<Exclude<Feeling, 'NEUTRAL'>, FeelingData>;
  deflection: { words: string[] };
};

/** Words that negate the feeling word right after them ("not happy", "sio poa"). */
const NEGATORS = new Set(['not', 'no', 'never', 'dont', 'didnt', 'isnt', 'cant', 'sio', 'siyo', 'si', 'sijisikii', 'hakuna', 'bila']);
/** Longest message (in words) that a deflection phrase alone can describe. */
const DEFLECTION_MAX_WORDS = 5;

export interface TextEmotion {
  feeling: Feeling;
  emotion: Emotion;
  /** 0..1: the top emotion's score. */
  confidence: number;
  /** Every emotion's score, summing to 1, highest first. */
  scores: { emotion: Emotion; score: number }[];
  valence: number;
  arousal: number;
  /** "sawa", "niko tu", "I'm fine": a short answer that may hide distress. */
  deflection: boolean;
}

const EMOTIONS: Emotion[] = ['NEUTRAL', 'HAPPY', 'SAD', 'ANGRY', 'FEAR', 'SURPRISE', 'DISGUST'];

/** Counts each phrase of `phrases` in the token list, skipping ones right after a negator. */
function hits(tokens: string[], phrases: string[]): number {
  let count = 0;
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, j) => tokens[i + j] === p) && !(NEGATORS.has(tokens[i - 1] ?? '') || NEGATORS.has(tokens[i - 2] ?? ''))) count++;
    }
  }
  return count;
}

/**
 * A simple, explainable text emotion from curated EN/SW/Sheng lexicons (the feelings of
 * `data/responder-templates.json`). The order of the feelings there breaks ties (hopelessness
 * before sadness). It is a heuristic for text-only turns, not the emotion subgraph's classifier.
 */
export function analyseText(text: string): TextEmotion {
  const tokens = words(text);
  const counts = (Object.entries(templates.feelings) as [Exclude<Feeling, 'NEUTRAL'>, FeelingData][]).map(([feeling, data]) => ({ feeling, data, n: hits(tokens, data.words) }));
  const best = counts.reduce<(typeof counts)[number] | null>((a, b) => (b.n > (a?.n ?? 0) ? b : a), null);
  const deflection = tokens.length <= DEFLECTION_MAX_WORDS && hits(tokens, templates.deflection.words) > 0 && !best;
  const raw = new Map<Emotion, number>(EMOTIONS.map((e) => [e, e === 'NEUTRAL' ? 1 : 0.05]));
  for (const { data, n } of counts) if (n) raw.set(data.emotion, raw.get(data.emotion)! + 1.5 * n);
  const total = [...raw.values()].reduce((a, b) => a + b, 0);
  const scores = EMOTIONS.map((emotion) => ({ emotion, score: Math.round((raw.get(emotion)! / total) * 1e4) / 1e4 })).sort((a, b) => b.score - a.score);
  // Rounding must still sum to 1 for the emotion subgraph: put the remainder on the top score.
  const drift = 1 - scores.reduce((a, s) => a + s.score, 0);
  scores[0]!.score = Math.round((scores[0]!.score + drift) * 1e4) / 1e4;
  if (!best) return { feeling: 'NEUTRAL', emotion: 'NEUTRAL', confidence: scores[0]!.score, scores, valence: 0, arousal: 0.3, deflection };
  const top = scores[0]!;
  return { feeling: best.feeling, emotion: top.emotion, confidence: top.score, scores, valence: best.data.valence, arousal: best.data.arousal, deflection: false };
}
