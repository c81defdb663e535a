import { hasCrisisResources, type Country } from './crisis-resources.js';
import { contradictions, type Fact } from './facts.js';
import type { ReplyLanguage } from './language.js';
import { crisisBlock, HUMAN_NOTICE, isCrisisLevel, type RiskLevel } from './responder.js';

/** Why a reply was changed or queued. Stable codes, logged and stored. */
export const ModerationRule = {
  DOSAGE_OR_METHOD: 'DOSAGE_OR_METHOD',
  ENCOURAGES_HARM: 'ENCOURAGES_HARM',
  DIAGNOSIS: 'DIAGNOSIS',
  SHAMING: 'SHAMING',
  FALSE_CONFIDENTIALITY: 'FALSE_CONFIDENTIALITY',
  CONTRADICTION: 'CONTRADICTION',
  MISSING_CRISIS_RESOURCES: 'MISSING_CRISIS_RESOURCES',
} as const;
export type ModerationRule = (typeof ModerationRule)[keyof typeof ModerationRule];

/** ALLOW: unchanged. REWRITE: offending sentences dropped and/or the crisis block added. BLOCK: replaced by the local responder. */
export type ModerationAction = 'ALLOW' | 'REWRITE' | 'BLOCK';

export interface Finding {
  rule: ModerationRule;
  /** False when a human should decide (the reply is kept, the decision queued for review). */
  certain: boolean;
  /** The sentence that matched (never logged; stored encrypted with the decision). */
  sentence: string;
}

export interface ModerationResult {
  text: string;
  action: ModerationAction;
  findings: Finding[];
  needsReview: boolean;
}

interface Pattern {
  rule: ModerationRule;
  certain: RegExp[];
  uncertain: RegExp[];
}

/** The rules, EN and SW. A certain match of DOSAGE_OR_METHOD or ENCOURAGES_HARM blocks the whole reply. */
export const PATTERNS: Pattern[] = [
  {
    rule: 'DOSAGE_OR_METHOD',
    certain: [
      /\b\d+(?:[.,]\d+)?\s?(?:mg|milligrams?|mcg|g|grams?|ml|tablets?|pills?|capsules?|vidonge|tembe)\b/i,
      /\b(?:overdose|lethal dose|fatal dose|how to (?:hang|kill|cut|poison|overdose|drown|jump)|noose|hang yourself|jump (?:off|from) (?:a|the)|rat poison|sumu ya panya|dawa ya panya|pesticide|dawa ya kuua wadudu|kujinyonga|jinyonge|cut (?:your|the) wrists?|slit|kata mishipa|meza vidonge vyote|take all (?:the|your) (?:pills|tablets))\b/i,
      /\b(?:enough|many) (?:pills|tablets|vidonge) (?:to|ili)\b/i,
      /\b(?:vidonge|tembe|tablets?|pills?|capsules?)\s+\d+/i,
    ],
    uncertain: [/\b(?:dose|dosage|dozi|sleeping pills|painkillers?|vidonge|tablets?|pills?|medication|prescription)\b/i],
  },
  {
    rule: 'ENCOURAGES_HARM',
    certain: [
      /\b(?:you should|go ahead and|why not|maybe you should|just) (?:kill|hurt|harm|end|cut|punish) (?:yourself|your life|it all|him|her|them)\b/i,
      /\b(?:better off dead|better off without you|nobody would miss you|no one would miss you|no one will miss you|end it all|you deserve to (?:die|suffer)|ujiue|jiue|jiua|jidhuru|kufa ni bora|ni bora ufe|hakuna atakayekukosa)\b/i,
    ],
    uncertain: [/\b(?:you deserve this|give up on (?:life|everything)|there is no way out|hakuna njia)\b/i],
  },
  {
    rule: 'DIAGNOSIS',
    certain: [
      /\byou (?:have|are suffering from|suffer from|clearly have|probably have|definitely have|might have|may have|likely have) (?:a |an )?(?:clinical |major |severe )?(?:depression|depressive disorder|bipolar|schizophrenia|ptsd|(?:an? )?(?:anxiety|personality|mental|panic|eating) disorder|ocd|adhd|psychosis|borderline)\b/i,
      /\byou(?:'re| are) (?:clearly |obviously |definitely |probably |likely |really |clinically )*(?:depressed|bipolar|schizophrenic|psychotic|mentally ill|mentally unstable)\b/i,
      /\b(?:una|unaugua|unasumbuliwa na) (?:sonona|ugonjwa wa akili|bipolar|skizofrenia|wazimu|kichaa)\b/i,
      /\b(?:i diagnose|my diagnosis|this is a diagnosis|you meet the criteria)\b/i,
    ],
    uncertain: [/\b(?:symptoms of (?:depression|anxiety|ptsd|bipolar)|sounds like (?:depression|clinical|ptsd|trauma disorder)|dalili za sonona)\b/i],
  },
  {
    rule: 'SHAMING',
    certain: [
      /\b(?:you should be ashamed|shame on you|that(?:'s| is) (?:stupid|silly|ridiculous|pathetic)|you(?:'re| are) (?:weak|stupid|lazy|pathetic|overreacting|being dramatic|too sensitive|a failure)|stop complaining|man up|real men don'?t cry|stop being (?:so )?(?:dramatic|sensitive|weak)|pray harder|it(?:'s| is) (?:all )?your (?:own )?fault|you brought this on yourself)\b/i,
      /\b(?:ni kosa lako|aibu kwako|acha kulalamika|wewe ni mjinga|acha ujinga|wewe ni dhaifu|wanaume hawalii|umejiletea mwenyewe)\b/i,
    ],
    uncertain: [/\b(?:just get over it|others have it worse|at least you|snap out of it|acha tu kufikiria)\b/i],
  },
  {
    rule: 'FALSE_CONFIDENTIALITY',
    certain: [
      /\b(?:i (?:won'?t|will not|will never|'ll never) tell (?:anyone|anybody|a soul)|(?:this|it|everything) (?:stays|will stay) between (?:us|you and me)|(?:completely|totally|100%|fully) (?:confidential|private|secret)|no ?one will (?:ever )?(?:know|find out)|nobody will (?:ever )?(?:know|find out)|i promise not to tell|your secret is safe)\b/i,
      /\b(?:sitamwambia mtu yeyote|siri yetu|hakuna mtu atajua|nitaweka siri|ni siri kati yetu)\b/i,
    ],
    uncertain: [/\b(?:confidential|between us|siri)\b/i],
  },
];

/** Sentences of a reply (a list item or line counts as one). */
export const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);

/** Every rule a reply breaks, sentence by sentence. */
export function findViolations(text: string, facts: Fact[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of sentences(text)) {
    for (const p of PATTERNS) {
      if (p.certain.some((r) => r.test(sentence))) findings.push({ rule: p.rule, certain: true, sentence });
      else if (p.uncertain.some((r) => r.test(sentence))) findings.push({ rule: p.rule, certain: false, sentence });
    }
    for (const c of contradictions(sentence, facts)) findings.push({ rule: 'CONTRADICTION', certain: c.certain, sentence });
  }
  return findings;
}

export interface ModerationInput {
  /** The candidate reply, as the person would read it (placeholders restored). */
  text: string;
  language: ReplyLanguage;
  riskLevel: RiskLevel | null;
  country: Country | null;
  /** Facts the person stated in this conversation. */
  facts: Fact[];
  /** A safe reply to use instead (the local responder's), when the candidate is blocked or emptied. */
  fallback: () => string;
  /** True for the curated local responder: its uncertain matches are reviewed templates, not queued. */
  trusted?: boolean;
}

const BLOCKING: ReadonlySet<ModerationRule> = new Set(['DOSAGE_OR_METHOD', 'ENCOURAGES_HARM']);

/**
 * Moderates every reply before it is stored or shown: blocks dosage/method information and
 * encouragement of harm (the local responder answers instead), drops sentences that diagnose,
 * shame, promise confidentiality or contradict the person's facts, and at HIGH/IMMINENT risk makes
 * sure the reply says a human is being told and names the local crisis lines. Uncertain matches keep
 * the reply and go to the human review queue.
 */
export function moderateReply(input: ModerationInput): ModerationResult {
  const findings = findViolations(input.text, input.facts);
  const certain = findings.filter((f) => f.certain);
  let action: ModerationAction = 'ALLOW';
  let text = input.text;
  if (certain.some((f) => BLOCKING.has(f.rule))) {
    action = 'BLOCK';
    text = input.fallback();
  } else if (certain.length) {
    const drop = new Set(certain.map((f) => f.sentence));
    const kept = sentences(text).filter((s) => !drop.has(s));
    action = 'REWRITE';
    text = kept.length ? kept.join(' ') : input.fallback();
    if (!kept.length) action = 'BLOCK';
  }
  if (isCrisisLevel(input.riskLevel) && !(hasCrisisResources(text, input.country) && text.includes(HUMAN_NOTICE[input.language]))) {
    findings.push({ rule: 'MISSING_CRISIS_RESOURCES', certain: true, sentence: '' });
    text = `${text}\n\n${crisisBlock(input.language, input.country)}`;
    if (action === 'ALLOW') action = 'REWRITE';
  }
  const needsReview = !input.trusted && findings.some((f) => !f.certain);
  return { text, action, findings, needsReview };
}
