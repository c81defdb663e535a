import { RISK_LEVELS, type RiskLevel } from '../entities.js';
import { CATEGORY_LEVEL, ESCALATING_CATEGORIES, type Lexicon } from './lexicon.js';
import { mask, normalise, tokensBefore } from './normalise.js';

/** Why a crisis phrase found in a message did not count. */
export type Suppression = 'NEGATED' | 'QUOTED' | 'PAST';

export interface LexiconHit {
  entryId: string;
  category: string;
  level: RiskLevel;
  /** The normalised words matched. */
  phrase: string;
  start: number;
  end: number;
  suppressed: Suppression | null;
}

export interface LexiconResult {
  /** What the phrases alone say (NONE when nothing matched). */
  level: RiskLevel;
  /** Phrases that count, most severe first. */
  hits: LexiconHit[];
  /** Phrases found but cancelled (negated, quoted, in the past): the first thing a reviewer should see. */
  suppressed: LexiconHit[];
  /** A time ("tonight", "leo usiku") or means at hand ("niko na sumu") made ideation IMMINENT. */
  escalatedBy: string | null;
  /** Idioms masked before matching ("this traffic is killing me", "njaa inaniua"). */
  idioms: string[];
  /** A crisis word about someone else ("my friend said she wants to die"). */
  thirdParty: boolean;
  /** A crisis word in news, lyrics, school work or a question about helping someone. */
  media: boolean;
  /** A crisis word with no first-person phrase around it ("die", "suicide"). */
  bareMention: boolean;
  /** Negative affect minus positive, 0..1, with the words that made it. */
  affect: number;
  affectTerms: string[];
  /** "I'm fine", "niko sawa": what dissonance with the voice is measured against. */
  deflection: boolean;
  normalised: string;
}

const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);
export const maxLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (rank(a) >= rank(b) ? a : b);

function matches(regex: RegExp, text: string): RegExpMatchArray[] {
  regex.lastIndex = 0;
  return [...text.matchAll(regex)];
}
const test = (regex: RegExp, text: string) => matches(regex, text).length > 0;

/**
 * Layer 1: the lexicon. Finds the C-SSRS phrases of a message (English, Swahili, Sheng and
 * code-switched), after masking idioms, and decides for each whether it counts: a negation just
 * before it ("I would never kill myself", "siwezi kujiua"), double quotes (lyrics, someone else's
 * words) or a past-tense cue ("I used to …") cancel it. Third-person reports of someone else's
 * crisis are told apart from the person's own words by the first-person forms the phrases use
 * (Swahili subject prefixes carry the person: "nataka kujiua" vs "anataka kujiua").
 *
 * When in doubt it keeps the phrase: a false alarm costs a clinician a minute, a miss can cost a life.
 */
export function lexiconLayer(lexicon: Lexicon, message: string): LexiconResult {
  const { modifiers: m } = lexicon;
  const normalised = normalise(message, lexicon.folds);
  const { text, spans: idioms } = mask(normalised.text, m.idioms);
  const found: LexiconHit[] = [];
  for (const entry of lexicon.entries) {
    for (const regex of entry.regexes) {
      for (const match of matches(regex, text)) {
        const start = match.index!;
        const end = start + match[0].length;
        const hit: LexiconHit = { entryId: entry.id, category: entry.category, level: CATEGORY_LEVEL[entry.category]!, phrase: match[0], start, end, suppressed: null };
        const window = tokensBefore(text, start, m.negation.window);
        const quoted = normalised.quoted.slice(start, end).every(Boolean);
        if (quoted) hit.suppressed = 'QUOTED';
        else if (entry.negatable && test(m.negation.cues, window) && !test(m.negation.notNegation, `${window} ${match[0]}`)) hit.suppressed = 'NEGATED';
        else if (['ideation', 'self_harm', 'method'].includes(entry.category) && test(m.past.cues, tokensBefore(text, start, m.past.window))) hit.suppressed = 'PAST';
        found.push(hit);
      }
    }
  }
  // A phrase inside a longer one counts once, as the longer ("I tried to kill myself" is a past attempt, not ideation).
  const kept = found.filter((hit) => !found.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
  const unique = [...new Map(kept.map((h) => [`${h.category}:${h.start}:${h.end}`, h])).values()];
  const hits = unique.filter((h) => !h.suppressed).sort((a, b) => rank(b.level) - rank(a.level) || a.start - b.start);
  const suppressed = unique.filter((h) => h.suppressed);

  let level: RiskLevel = hits.reduce<RiskLevel>((acc, h) => maxLevel(acc, h.level), 'NONE');
  let escalatedBy: string | null = null;
  if (level === 'HIGH' && hits.some((h) => ESCALATING_CATEGORIES.has(h.category))) {
    const cue = matches(m.timing, text)[0]?.[0] ?? matches(m.means, text)[0]?.[0];
    if (cue) {
      level = 'IMMINENT';
      escalatedBy = cue;
    }
  }

  const hasMention = test(m.mentions, text);
  const media = hasMention && (test(m.media, text) || test(m.informational, text) || suppressed.some((h) => h.suppressed === 'QUOTED'));
  const thirdParty = hasMention && !media && !hits.length && test(m.reported, text);
  const negatedOnly = suppressed.length > 0 && suppressed.every((h) => h.suppressed === 'NEGATED');
  const mentionNegated = hasMention && matches(m.mentions, text).every((mt) => test(m.negation.cues, tokensBefore(text, mt.index!, m.negation.window)));
  const bareMention = hasMention && !hits.length && !media && !thirdParty && !negatedOnly && !mentionNegated && !suppressed.length;

  let negative = 0;
  let positive = 0;
  const affectTerms: string[] = [];
  for (const [regex, weight] of m.affect.negative) {
    if (test(regex, text)) {
      negative += weight;
      affectTerms.push(regex.source.replace(/^\(\?<=\^\| \)\(\?:|\)\(\?= \|\$\)$/g, ''));
    }
  }
  for (const [regex, weight] of m.affect.positive) if (test(regex, text)) positive += weight;
  const affect = Math.max(0, Math.min(1, negative - 0.5 * positive));

  if (level === 'NONE') {
    if (thirdParty || bareMention || suppressed.some((h) => h.suppressed === 'PAST') || affect >= 0.15) level = 'LOW';
  }
  return { level, hits, suppressed, escalatedBy, idioms, thirdParty, media, bareMention, affect, affectTerms, deflection: test(m.deflection, text), normalised: normalised.text };
}
