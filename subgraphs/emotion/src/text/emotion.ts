import vader from 'vader-sentiment';
import { EMOTIONS, type Emotion } from '../entities.js';
import { tokenize, wordLists } from '@resona/language';
import { lexicons } from './lexicons.js';

/** Words that negate the entry after them (within NEGATION_WINDOW tokens). Swahili negates in the verb: sina, siko, sijisikii. */
export const NEGATORS = new Set([
  'si', 'sio', 'siyo', 'sina', 'siko', 'hapana', 'hakuna', 'hana', 'huna', 'hatuna', 'sijisikii', 'sioni', 'sipo', 'haiko', 'hauko', 'hayuko',
  'not', 'no', 'never', "don't", 'dont', "doesn't", "didn't", "isn't", "aren't", "wasn't", "can't", 'cannot', "won't", 'nothing', 'nor', "i'm not", 'without',
]);
const NEGATION_WINDOW = 2;

export interface TextEmotion {
  /** Seven scores (EMOTIONS order), summing to 1. */
  scores: number[];
  /** -1..1: VADER's compound for English, the lexicon's for Swahili/Sheng, mixed by share. */
  valence: number;
  /** 0..1: how much the words say (0: nothing to go on). */
  evidence: number;
  /** Lexicon entries found, after negation (for tests and logs; never stored). */
  hits: { term: string; emotion: Emotion; valence: number; negated: boolean }[];
  /** Deflection phrases found ("niko poa", "I'm fine", "nimechoka"). */
  deflections: { phrase: string; kind: 'FINE' | 'MINIMISING' | 'TIRED' }[];
}

/** Emotion and valence of a transcript (English, Swahili, Sheng, mixed). */
export function textEmotion(text: string): TextEmotion {
  const lex = lexicons();
  const tokens = tokenize(text);
  const hits: TextEmotion['hits'] = [];
  const used = new Array<boolean>(tokens.length).fill(false);
  const matchAt = (at: number, phrase: string[]) => phrase.every((t, k) => tokens[at + k] === t);
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || NEGATORS.has(tokens[i]!)) continue;
    const entry = lex.emotion.find((e) => matchAt(i, e.tokens));
    if (!entry) continue;
    for (let k = 0; k < entry.tokens.length; k++) used[i + k] = true;
    let negated = false;
    for (let j = Math.max(0, i - NEGATION_WINDOW); j < i; j++) if (NEGATORS.has(tokens[j]!)) negated = true;
    if (negated) {
      hits.push(entry.valence > 0 ? { term: entry.tokens.join(' '), emotion: 'SAD', valence: -0.6 * entry.valence - 0.2, negated } : { term: entry.tokens.join(' '), emotion: 'NEUTRAL', valence: -0.3 * entry.valence, negated });
    } else hits.push({ term: entry.tokens.join(' '), emotion: entry.emotion, valence: entry.valence, negated });
    i += entry.tokens.length - 1;
  }
  const deflections: TextEmotion['deflections'] = [];
  const seen = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    if (seen[i]) continue;
    const d = lex.deflections.find((e) => matchAt(i, e.tokens));
    if (!d) continue;
    // "siko sawa" is not "sawa": a negated deflection is a plain statement of distress.
    if (i > 0 && NEGATORS.has(tokens[i - 1]!)) continue;
    for (let k = 0; k < d.tokens.length; k++) seen[i + k] = true;
    deflections.push({ phrase: d.tokens.join(' '), kind: d.kind });
    i += d.tokens.length - 1;
  }

  const counts = new Array<number>(EMOTIONS.length).fill(0);
  for (const h of hits) counts[EMOTIONS.indexOf(h.emotion)]!++;
  const total = hits.length;
  // Add-one smoothing toward NEUTRAL, so one word is a hint, not a certainty.
  const prior = 0.6;
  const raw = counts.map((c, i) => c + (i === 0 ? prior : prior / 4));
  const sum = raw.reduce((s, v) => s + v, 0);
  const scores = raw.map((v) => v / sum);
  const lexValence = total ? hits.reduce((s, h) => s + h.valence, 0) / total : 0;
  const compound = tokens.length ? vader.SentimentIntensityAnalyzer.polarity_scores(text).compound : 0;
  const swahili = tokens.filter((t) => wordLists().swahili.has(t)).length / Math.max(1, tokens.length);
  // VADER reads English; the lexicon reads both. Negated lexicon hits override VADER (it misses Swahili negation).
  const valence = total ? (1 - swahili) * 0.5 * (compound + lexValence) + swahili * lexValence : (1 - swahili) * compound;
  const evidence = Math.min(1, total * 0.35 + (1 - swahili) * Math.abs(compound) * 0.4);
  return { scores, valence: Math.max(-1, Math.min(1, valence)), evidence, hits, deflections };
}
