import { RISK_LEVELS, type RiskLevel } from '../entities.js';
import { CATEGORY_LEVEL, ESCALATING_CATEGORIES, type Lexicon, type Modifiers } from './lexicon.js';
import { clauseAround, mask, normalise, tokensAfter, tokensBefore, type Normalised } from './normalise.js';

/** Why a crisis phrase found in a message did not count. */
export type Suppression = 'NEGATED' | 'QUOTED' | 'PAST' | 'REPORTED' | 'EVERYDAY';

export interface LexiconHit {
  entryId: string;
  category: string;
  level: RiskLevel;
  /** The normalised words matched. */
  phrase: string;
  start: number;
  end: number;
  suppressed: Suppression | null;
  /** A listed or generated phrase, a crisis word found by the vocabulary fallback (less certain: reviewed), or two compound cues (`compound.json`). */
  source: 'phrase' | 'vocabulary' | 'compound';
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
 * Whether a negation cue stands just before `start` ("I would never …", "siwezi …"). A cue that is part
 * of a phrase where the negation is itself the risk ("can not go on", "siwezi kuvumilia", "no one would
 * care") is masked first, so it cannot cancel what follows, while a real negation next to it still does.
 */
function negatedAt(m: Modifiers, text: string, start: number, phrase: string): boolean {
  const window = tokensBefore(text, start, m.negation.window);
  if (!window) return false;
  // Masked over a few more tokens, so that "can" in "I can not stop thinking about …" is seen.
  const wide = tokensBefore(text, start, m.negation.window + 3);
  const masked = mask(`${wide} ${phrase}`, m.negation.notNegation).text;
  return test(m.negation.cues, masked.slice(wide.length - window.length, wide.length));
}

/** A past-tense cue before ("I used to …") or a distant-past cue right after ("… zamani", "… years ago"). */
const pastAt = (m: Modifiers, text: string, start: number, end: number) =>
  test(m.past.cues, tokensBefore(text, start, m.past.window)) || test(m.past.after, tokensAfter(text, end, m.past.window));

/**
 * The vocabulary fallback: crisis words that no phrase (listed or generated) matched, so that a crisis in
 * words the lexicon has never seen does not fall to NONE. A word naming harm to oneself ("suicide",
 * "kujiua", "kill myself") with a first-person marker in its clause ("I", "yangu", "nime…",
 * "yananijia") is HIGH; such a word alone, or a word that often comes with a crisis ("die", "sumu",
 * "all my pills") with a first-person marker, is MODERATE. Words already covered by a phrase, quoted,
 * negated, in the past, in a clause reporting someone else, or in news/lyrics/school work don't count.
 */
function vocabularyHits(lexicon: Lexicon, text: string, normalised: Normalised, covered: LexiconHit[]): LexiconHit[] {
  const { modifiers: m, vocabulary: v } = lexicon;
  if (test(m.media, text) || test(m.informational, text) || test(m.professional, text)) return [];
  const candidates = [
    ...v.selfHarm.flatMap(({ regex, category }) => matches(regex, text).map((match) => ({ match, self: true, category }))),
    ...matches(v.crisis, text).map((match) => ({ match, self: false, category: 'crisis_vocabulary' })),
  ];
  const found: LexiconHit[] = [];
  for (const { match, self, category } of candidates) {
    const start = match.index!;
    const end = start + match[0].length;
    if (covered.some((h) => h.start < end && start < h.end)) continue;
    if (normalised.quoted.slice(start, end).every(Boolean)) continue;
    if (negatedAt(m, text, start, match[0]) || pastAt(m, text, start, end)) continue;
    const clause = clauseAround(text, start, end);
    if (test(m.reported, clause)) continue;
    const firstPerson = test(v.firstPerson, clause);
    if (!self && !firstPerson) continue;
    const level: RiskLevel = self && firstPerson ? 'HIGH' : 'MODERATE';
    found.push({ entryId: self ? 'vocabulary.self_harm' : 'vocabulary.crisis', category: level === 'HIGH' ? category : 'crisis_vocabulary', level, phrase: match[0], start, end, suppressed: null, source: 'vocabulary' });
  }
  return found;
}

/**
 * Compound cues (`compound.json`): a crisis said in no crisis words ("I love you all. Please take care of
 * Bingo for me", "nimewagawia wadogo zangu nguo zangu, sitavihitaji tena", "the rope is already up").
 * Each cue alone is everyday; a rule needs cues of two kinds (a farewell and a finality, means at hand,
 * letters, possessions given away, a place of danger, a decision with calm) and no everyday reason
 * ("since I bought a new one", "see you tomorrow"). Cues that are quoted or negated don't count, nor do
 * messages of news, lyrics, school work or a professional asking how to help.
 */
function compoundHits(lexicon: Lexicon, text: string, normalised: Normalised, phraseHits: LexiconHit[]): LexiconHit[] {
  const { modifiers: m, compound } = lexicon;
  if (test(m.media, text) || test(m.informational, text) || test(m.professional, text)) return [];
  const cues = new Map<string, RegExpMatchArray[]>();
  const cuesOf = (group: string, apart = false) => {
    const key = `${group}:${apart}`;
    let found = cues.get(key);
    if (!found) {
      found = [];
      for (const regex of compound.groups.get(group)!) {
        const match = matches(regex, text).find((mt) => {
          const start = mt.index!;
          const end = start + mt[0].length;
          // With a phrase required, a cue inside it says nothing new ("nobody would miss me" is one wish, not two cues).
          if (apart && phraseHits.some((h) => h.start < end && start < h.end)) return false;
          return !normalised.quoted.slice(start, end).every(Boolean) && !negatedAt(m, text, start, mt[0]);
        });
        if (match) found.push(match);
      }
      cues.set(key, found);
    }
    return found;
  };
  const out: LexiconHit[] = [];
  for (const rule of compound.rules) {
    if (rule.hit && !phraseHits.some((h) => h.category === rule.hit)) continue;
    const apart = rule.hit !== null;
    if (!rule.all.every((g) => cuesOf(g, apart).length > 0)) continue;
    if (!Object.entries(rule.distinct).every(([g, n]) => new Set(cuesOf(g).map((mt) => mt.index)).size >= n)) continue;
    if (rule.unless.some((g) => cuesOf(g).length > 0)) continue;
    const used = [...rule.all, ...Object.keys(rule.distinct)].flatMap((g) => cuesOf(g, apart));
    const start = Math.min(...used.map((mt) => mt.index!));
    const end = Math.max(...used.map((mt) => mt.index! + mt[0].length));
    out.push({ entryId: rule.id, category: rule.category, level: CATEGORY_LEVEL[rule.category]!, phrase: used.map((mt) => mt[0]).join(' … '), start, end, suppressed: null, source: 'compound' });
  }
  return out;
}

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
  // A helper asking how to help ("as a counsellor, how do I ask a student whether they are thinking about
  // suicide?"): a phrase with no first-person marker of its own is about someone else.
  const professional = test(m.professional, text);
  // Lyrics or a film line in single quotes ("singing 'I'd rather die than…' from that song").
  const quotedMedia = test(m.media, text) ? normalised.singleQuoted : null;
  const everyday = lexicon.compound.everydayFarewell.unless.some((regex) => test(regex, text));
  const found: LexiconHit[] = [];
  for (const entry of lexicon.entries) {
    // "Goodbye everyone, off to Mombasa for the holidays, see you in January!"
    if (everyday && lexicon.compound.everydayFarewell.entries.has(entry.id)) continue;
    for (const regex of entry.regexes) {
      for (const match of matches(regex, text)) {
        const start = match.index!;
        const end = start + match[0].length;
        const hit: LexiconHit = { entryId: entry.id, category: entry.category, level: CATEGORY_LEVEL[entry.category]!, phrase: match[0], start, end, suppressed: null, source: 'phrase' };
        const quoted = normalised.quoted.slice(start, end).every(Boolean);
        if (quoted || quotedMedia?.slice(start, end).every(Boolean)) hit.suppressed = 'QUOTED';
        else if (professional && !test(lexicon.vocabulary.firstPerson, match[0])) hit.suppressed = 'REPORTED';
        else if (entry.negatable && negatedAt(m, text, start, match[0])) hit.suppressed = 'NEGATED';
        else if (['ideation', 'self_harm', 'method'].includes(entry.category) && pastAt(m, text, start, end)) hit.suppressed = 'PAST';
        found.push(hit);
      }
    }
  }
  // An everyday context named in compound.json's `phraseVetoes` cancels a listed phrase ("what should I do if my
  // toddler swallowed bleach", "bought rat poison for the rats", "three years ago I drank poison, now I'm well").
  const vetoGroups = new Map<string, boolean>();
  const vetoed = (group: string) => {
    if (!vetoGroups.has(group)) vetoGroups.set(group, lexicon.compound.groups.get(group)!.some((regex) => matches(regex, text).some((mt) => !normalised.quoted.slice(mt.index!, mt.index! + mt[0].length).every(Boolean))));
    return vetoGroups.get(group)!;
  };
  for (const hit of found) {
    if (hit.suppressed) continue;
    const veto = lexicon.compound.phraseVetoes.find((v) => (v.entries.has(hit.entryId) || v.categories.has(hit.category)) && v.unless.some(vetoed));
    if (veto) hit.suppressed = 'EVERYDAY';
  }
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
  // A past attempt or self-harm with recovery stated and no distress now ("… lakini sasa nimepona") is history.
  const history = new Set<LexiconHit>();
  if (affect < 0.2 && test(m.recovery, text)) {
    for (const hit of found) if (!hit.suppressed && (hit.category === 'past_attempt' || hit.category === 'past_self_harm')) (hit.suppressed = 'PAST'), history.add(hit);
  }
  // A phrase inside a longer one counts once, as the longer ("I tried to kill myself" is a past attempt, not ideation).
  const kept = found.filter((hit) => !found.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start));
  const unique = [...new Map(kept.map((h) => [`${h.category}:${h.start}:${h.end}`, h])).values()];
  const phrases = unique.filter((h) => !h.suppressed);
  const suppressed = unique.filter((h) => h.suppressed);
  const phraseLevel = phrases.reduce<RiskLevel>((acc, h) => maxLevel(acc, h.level), 'NONE');
  // The fallback only speaks when it says more than the phrases did.
  const fallback = rank(phraseLevel) < rank('HIGH') ? vocabularyHits(lexicon, text, normalised, unique).filter((h) => rank(h.level) > rank(phraseLevel)) : [];
  const compound = compoundHits(lexicon, text, normalised, phrases).filter((h) => !phrases.some((p) => p.category === h.category));
  const hits = [...phrases, ...compound, ...fallback].sort((a, b) => rank(b.level) - rank(a.level) || a.start - b.start);

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
  const media = hasMention && (test(m.media, text) || test(m.informational, text) || professional || suppressed.some((h) => h.suppressed === 'QUOTED'));
  const thirdParty = hasMention && !media && !hits.length && test(m.reported, text);
  const negatedOnly = suppressed.length > 0 && suppressed.every((h) => h.suppressed === 'NEGATED');
  const mentionNegated = hasMention && matches(m.mentions, text).every((mt) => negatedAt(m, text, mt.index!, mt[0]));
  const bareMention = hasMention && !hits.length && !media && !thirdParty && !negatedOnly && !mentionNegated && !suppressed.length;


  if (level === 'NONE') {
    // A past attempt with recovery stated is history told, not distress ("… lakini sasa nimepona"): NONE.
    if (thirdParty || bareMention || suppressed.some((h) => h.suppressed === 'PAST' && !history.has(h)) || affect >= 0.15) level = 'LOW';
  }
  return { level, hits, suppressed, escalatedBy, idioms, thirdParty, media, bareMention, affect, affectTerms, deflection: test(m.deflection, text), normalised: normalised.text };
}
