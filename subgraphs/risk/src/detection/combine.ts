import { RISK_LEVELS, type RiskLevel, type RiskSignal } from '../entities.js';
import { imminentProbability, learnedFeatures, learnedLevel, learnedProbability } from './learned.js';
import type { Lexicon } from './lexicon.js';
import { lexiconLayer, maxLevel, type LexiconResult } from './lexical.js';

/** What the conversation engine knows about one message (see `AssessMessageInput`). */
export interface DetectionInput {
  text: string;
  language?: string | null;
  /** The emotion reading's label (`SAD`, `FEAR`, …) and its confidence 0..1. */
  emotion?: string | null;
  emotionConfidence?: number | null;
  /** How far from the person's own baseline, in standard deviations (toward distress). */
  baselineDeviation?: number | null;
  /** 0..1: how much the voice disagrees with the words (a sad voice saying "niko sawa"). */
  dissonance?: number | null;
}

/** A person's earlier assessments, newest first. */
export interface HistoryPoint {
  score: number;
  level: RiskLevel;
  createdAt: Date;
}

/** Why an assessment should be seen by a human before anyone trusts it. */
export type ReviewReason = 'NEAR_THRESHOLD' | 'SIGNALS_DISAGREE' | 'NEGATED_WITH_DISTRESS' | 'UNCLEAR_CRISIS_WORD' | 'LLM_DISAGREES' | 'MODERATE_RISK' | 'LEARNED_MODEL';

export interface Detection {
  level: RiskLevel;
  /** 0..1, inside the level's band (NONE < 0.2 ≤ LOW < 0.4 ≤ MODERATE < 0.6 ≤ HIGH < 0.8 ≤ IMMINENT). */
  score: number;
  signals: RiskSignal[];
  /** The lexicon's own level, before the other layers. */
  lexiconLevel: RiskLevel;
  /** Set when the assessment goes to the clinicians' review queue. */
  review: ReviewReason[];
  lexicon: LexiconResult;
}

/** Tunables, with the values the eval figures were measured with. */
export const DETECTION = {
  /** Where each level's score starts (the middle of the band's lower half). */
  base: { NONE: 0.05, LOW: 0.25, MODERATE: 0.45, HIGH: 0.65, IMMINENT: 0.85 } as Record<RiskLevel, number>,
  /** Non-text evidence (voice, deviation, dissonance, trend) at or above this raises one level (never to IMMINENT, never from NONE/LOW past MODERATE). */
  raiseAt: 0.35,
  /** A score this close to the MODERATE/HIGH boundary (0.6) is borderline. */
  nearThreshold: 0.04,
  /** Emotions that count as distress in the voice. */
  negativeEmotions: ['SAD', 'FEAR', 'ANGRY', 'DISGUST'],
  /** How many earlier assessments the trend looks at, and how far back. */
  trendWindow: 5,
  trendDays: 14,
} as const;

const round = (x: number) => Math.round(x * 1000) / 1000;
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);
const signal = (code: string, weight: number, detail: string | null = null): RiskSignal => ({ code, weight: round(Math.max(0, Math.min(1, weight))), detail });

/** Layer 2: everything but the words. Returns signals and their combined strength (0..1). */
export function signalLayer(input: DetectionInput, history: HistoryPoint[], lexicon: LexiconResult, now = new Date()): { signals: RiskSignal[]; strength: number } {
  const signals: RiskSignal[] = [];
  if (input.emotion && (DETECTION.negativeEmotions as readonly string[]).includes(input.emotion.toUpperCase())) {
    const confidence = input.emotionConfidence ?? 0.5;
    signals.push(signal('VOICE_NEGATIVE_EMOTION', 0.25 * confidence, `${input.emotion.toUpperCase()} (confidence ${round(confidence)})`));
  }
  if (input.baselineDeviation != null && input.baselineDeviation >= 1.5) {
    signals.push(signal('BASELINE_DEVIATION', Math.min(0.25, 0.1 * (input.baselineDeviation - 0.5)), `${round(input.baselineDeviation)} SD from the person's baseline`));
  }
  if (input.dissonance != null && input.dissonance >= 0.5) {
    const masked = lexicon.deflection ? ' while saying they are fine' : '';
    signals.push(signal('VOICE_WORDS_DISSONANCE', (lexicon.deflection ? 0.3 : 0.15) * input.dissonance, `voice and words disagree (${round(input.dissonance)})${masked}`));
  }
  const since = now.getTime() - DETECTION.trendDays * 86_400_000;
  const recent = history.filter((h) => h.createdAt.getTime() >= since).slice(0, DETECTION.trendWindow);
  if (recent.length >= 2) {
    const chronological = [...recent].reverse();
    const rising = chronological.every((h, i) => i === 0 || h.score >= chronological[i - 1]!.score);
    const rise = chronological.at(-1)!.score - chronological[0]!.score;
    if (rising && rise >= 0.15) signals.push(signal('ESCALATING_TREND', Math.min(0.3, rise), `scores rose by ${round(rise)} over the last ${recent.length} assessments`));
  }
  const crisis = history.find((h) => rank(h.level) >= rank('HIGH') && now.getTime() - h.createdAt.getTime() < 72 * 3_600_000);
  if (crisis) signals.push(signal('RECENT_CRISIS', 0.2, `${crisis.level} at ${crisis.createdAt.toISOString()}`));
  return { signals, strength: Math.min(1, signals.reduce((sum, s) => sum + s.weight, 0)) };
}

/**
 * Layers 1, 2 and 4: the lexicon decides the floor, the other signals may raise it one level (and
 * send the assessment to review), the learned layer (`learned.ts`, when `lexicon.learned` is set) may
 * raise it to MODERATE or HIGH (and send it to review), and the score is placed inside the level's
 * band. The LLM layer (3) runs after this, through `raiseWithJudgement`.
 */
export function detect(lexicon: Lexicon, input: DetectionInput, history: HistoryPoint[] = [], now = new Date()): Detection {
  const lex = lexiconLayer(lexicon, input.text);
  const signals: RiskSignal[] = [];
  for (const hit of lex.hits) {
    if (hit.source === 'vocabulary') signals.push(signal('CRISIS_VOCABULARY', DETECTION.base[hit.level] + 0.1, `"${hit.phrase}" (${hit.entryId}, ${hit.level === 'HIGH' ? `${hit.category}: with a first-person marker` : 'no phrase matched'})`));
    else signals.push(signal(`CSSRS_${hit.category.toUpperCase()}`, DETECTION.base[hit.level] + 0.1, `"${hit.phrase}" (${hit.entryId})`));
  }
  if (lex.escalatedBy) signals.push(signal('TIME_OR_MEANS', 0.9, `"${lex.escalatedBy}" with intent: imminent`));
  for (const hit of lex.suppressed) signals.push(signal(`SUPPRESSED_${hit.suppressed}`, 0, `"${hit.phrase}" (${hit.entryId}) did not count: ${hit.suppressed!.toLowerCase()}`));
  if (lex.idioms.length) signals.push(signal('IDIOM', 0, lex.idioms.map((i) => `"${i}"`).join(', ')));
  if (lex.thirdParty) signals.push(signal('THIRD_PARTY_CONCERN', 0.2, 'talks about someone else in crisis'));
  if (lex.media) signals.push(signal('MEDIA_OR_INFORMATIONAL', 0, 'crisis words in news, lyrics, study or a question about helping'));
  if (lex.bareMention) signals.push(signal('CRISIS_WORD', 0.2, 'a crisis word without a first-person phrase'));
  if (lex.affect > 0) signals.push(signal('NEGATIVE_AFFECT', lex.affect, lex.affectTerms.slice(0, 5).join(', ')));

  const other = signalLayer(input, history, lex, now);
  signals.push(...other.signals);

  let level = lex.level;
  const review: ReviewReason[] = [];
  if (other.strength >= DETECTION.raiseAt && rank(level) < rank('HIGH')) {
    level = RISK_LEVELS[Math.min(rank(level) + 1, rank('MODERATE') + (level === 'MODERATE' ? 1 : 0))]!;
    if (level !== lex.level) {
      signals.push(signal('RAISED_BY_SIGNALS', other.strength, `${lex.level} → ${level}`));
      review.push('SIGNALS_DISAGREE');
    }
  }
  // The learned layer reads the words the rules may not know (README, "Model card: the learned layer"):
  // it may raise the level (never lower it) and a human then sees why.
  if (lexicon.learned) {
    const features = learnedFeatures(input.text, lexicon.folds);
    const p = learnedProbability(lexicon.learned, features);
    const asked = learnedLevel(lexicon.learned, p);
    const raised = asked !== null && rank(asked) > rank(level);
    const { moderate, high } = lexicon.learned.thresholds;
    signals.push(signal('LEARNED_MODEL', p, `p(HIGH+) = ${round(p)} (MODERATE at ${moderate}, HIGH at ${high})${raised ? `: ${level} → ${asked}` : ''}`));
    if (raised) {
      level = asked;
      review.push('LEARNED_MODEL');
    }
    // The second stage tells an imminent crisis from a high one (time, means at hand, an act done,
    // a goodbye) so that it gets IMMINENT's faster reminders; it only ever turns HIGH into IMMINENT.
    const imminent = level === 'HIGH' ? imminentProbability(lexicon.learned, features) : null;
    if (imminent !== null && imminent >= lexicon.learned.imminent!.threshold) {
      signals.push(signal('LEARNED_IMMINENT', imminent, `p(IMMINENT | HIGH+) = ${round(imminent)} (IMMINENT at ${lexicon.learned.imminent!.threshold}): HIGH → IMMINENT`));
      level = 'IMMINENT';
      review.push('LEARNED_MODEL');
    }
  }
  const extraHits = Math.min(2, Math.max(0, lex.hits.length - 1));
  const within = 0.03 * extraHits + 0.06 * lex.affect + 0.1 * other.strength;
  const score = round(Math.min(DETECTION.base[level] + within, DETECTION.base[level] + 0.14));

  if (Math.abs(score - 0.6) < DETECTION.nearThreshold) review.push('NEAR_THRESHOLD');
  if (lex.suppressed.some((h) => h.suppressed === 'NEGATED' && rank(h.level) >= rank('HIGH')) && (lex.affect >= 0.3 || other.strength >= 0.2)) review.push('NEGATED_WITH_DISTRESS');
  // A crisis word without a phrase around it, or a level that rests on the vocabulary fallback: a human confirms.
  if (lex.bareMention || lex.hits.some((h) => h.source === 'vocabulary')) review.push('UNCLEAR_CRISIS_WORD');
  // The detector misses crises phrased in ways it does not know (see the README's held-out figures):
  // what it rates just below an alert is read by a human.
  if (level === 'MODERATE') review.push('MODERATE_RISK');
  return { level, score, signals, lexiconLevel: lex.level, review, lexicon: lex };
}

/** Layer 3's rule: a judgement may raise a level, never lower it below what the other layers found. */
export function raiseWithJudgement(detection: Detection, judged: RiskLevel | null, rationale: string | null): Detection {
  if (!judged) return detection;
  const level = maxLevel(detection.level, judged);
  const signals = [...detection.signals, signal('LLM_JUDGEMENT', DETECTION.base[judged] + 0.1, `${judged}${rationale ? `: ${rationale.slice(0, 200)}` : ''}`)];
  const review = [...detection.review];
  if (judged !== detection.level) review.push('LLM_DISAGREES');
  if (level === detection.level) return { ...detection, signals, review };
  return { ...detection, level, score: round(DETECTION.base[level] + 0.05), signals: [...signals, signal('RAISED_BY_LLM', 0.5, `${detection.level} → ${level}`)], review };
}
