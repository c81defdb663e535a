import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RiskLevel } from '../entities.js';
import { loadLearnedModel, type LearnedModel } from './learned.js';
import { expandMorphology, type MorphologyFile } from './morphology.js';

/** Where the lexicon ships (data, not code): `subgraphs/risk/data/lexicon`. */
export const LEXICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/lexicon');

/** C-SSRS categories (plus self-harm and harm to others) and the level each means on its own. */
export const CATEGORY_LEVEL: Record<string, RiskLevel> = {
  wish_dead: 'MODERATE',
  past_attempt: 'MODERATE',
  past_self_harm: 'MODERATE',
  self_harm_urge: 'MODERATE',
  ideation: 'HIGH',
  method: 'HIGH',
  intent: 'HIGH',
  plan: 'HIGH',
  self_harm: 'HIGH',
  harm_others: 'HIGH',
  preparatory: 'IMMINENT',
  actual_attempt: 'IMMINENT',
  /** Not C-SSRS: crisis words no phrase matched (the vocabulary fallback); a human should look. */
  crisis_vocabulary: 'MODERATE',
};

/** Categories that become IMMINENT with a time ("tonight", "leo") or means at hand ("niko na sumu", "kisu nimekificha"); harm to others too ("nitamuua leo"). */
export const ESCALATING_CATEGORIES = new Set(['ideation', 'method', 'intent', 'plan', 'harm_others']);

export interface LexiconEntry {
  id: string;
  category: string;
  language: string;
  /** Default true: a negation just before the phrase ("I would never …") cancels it. */
  negatable: boolean;
  regexes: RegExp[];
}

export interface Modifiers {
  negation: { window: number; cues: RegExp; notNegation: RegExp };
  /** Past-tense cues before a phrase, and distant-past cues right after it ("nilifikiria kujiua zamani"). */
  past: { window: number; cues: RegExp; after: RegExp };
  reported: RegExp;
  media: RegExp;
  informational: RegExp;
  timing: RegExp;
  means: RegExp;
  idioms: RegExp;
  deflection: RegExp;
  mentions: RegExp;
  /** A professional asking how to help ("as a school counsellor, how do I ask…", "mimi ni mwalimu"): crisis words without a first-person marker are about someone else. */
  professional: RegExp;
  /** Recovery stated ("sasa nimepona", "I'm 31 now, married", "years clean"): a past attempt or self-harm without current distress is history. */
  recovery: RegExp;
  affect: { negative: [RegExp, number][]; positive: [RegExp, number][] };
}

/** The vocabulary fallback (`vocabulary.json`): crisis words that no phrase matched. */
export interface Vocabulary {
  /** Words that name harm to oneself ("suicide", "kujiua", "kill myself"), with the category they mean. */
  selfHarm: { regex: RegExp; category: string }[];
  /** Words that often come with a crisis but not only ("die", "sumu", "goodbye letter"). */
  crisis: RegExp;
  /** Markers that a clause is about the writer ("i", "yangu", "nime…", "yananijia"). */
  firstPerson: RegExp;
}

/** Compound cues (`compound.json`): a crisis said without crisis words, recognised by two kinds of cue in one message. */
export interface CompoundRule {
  id: string;
  category: string;
  /** Groups that must each have a cue. */
  all: string[];
  /** Groups that must have this many different cues. */
  distinct: Record<string, number>;
  /** Groups whose cue vetoes the rule (an everyday reason: "since I bought a new one", "see you tomorrow"). */
  unless: string[];
  /** A phrase of this category must also have matched (a wish to be dead, then thinking about how). */
  hit: string | null;
}
export interface Compound {
  groups: Map<string, RegExp[]>;
  rules: CompoundRule[];
  /** Goodbye phrases of the lexicon that an everyday reason in the message ("see you in January") cancels. */
  everydayFarewell: { entries: Set<string>; unless: RegExp[] };
  /** Listed phrases cancelled by an everyday context (`phraseVetoes`): "what should I do if my toddler swallowed bleach", "rat poison for the rats". */
  phraseVetoes: { entries: Set<string>; categories: Set<string>; unless: string[] }[];
}

export interface Lexicon {
  entries: LexiconEntry[];
  compound: Compound;
  modifiers: Modifiers;
  vocabulary: Vocabulary;
  /** Token folds (spelling variants, contractions). */
  folds: Map<string, string>;
  /** Number of phrase patterns, for the model card. */
  patternCount: number;
  /** The learned layer's weights (`data/model/crisis-lr.json`); null turns the layer off (the rules alone). */
  learned: LearnedModel | null;
}

/** A pattern over normalised text that matches whole tokens only. */
export const tokenRegex = (source: string, flags = 'g') => new RegExp(`(?<=^| )(?:${source})(?= |$)`, flags);
const anyOf = (sources: string[], flags = 'g') => tokenRegex(sources.map((s) => `(?:${s})`).join('|'), flags);
const read = (name: string) => JSON.parse(readFileSync(path.join(LEXICON_DIR, name), 'utf8'));

/** Loads and compiles the lexicon files (`en.json`, `sw.json`, `sheng.json`, `morphology.json`, `vocabulary.json`, `compound.json`, `modifiers.json`, `normalise.json`) and the learned layer's weights. */
export function loadLexicon(dir = LEXICON_DIR, learned: LearnedModel | null = loadLearnedModel()): Lexicon {
  const readIn = (name: string) => (dir === LEXICON_DIR ? read(name) : JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
  const entries: LexiconEntry[] = [];
  let patternCount = 0;
  for (const file of ['en.json', 'sw.json', 'sheng.json']) {
    const data = readIn(file) as { language: string; entries: { id: string; category: string; negatable?: boolean; patterns: string[] }[] };
    for (const entry of data.entries) {
      if (!(entry.category in CATEGORY_LEVEL)) throw new Error(`Lexicon ${file}: unknown category ${entry.category} in ${entry.id}`);
      patternCount += entry.patterns.length;
      entries.push({ id: entry.id, category: entry.category, language: data.language, negatable: entry.negatable ?? true, regexes: entry.patterns.map((p) => tokenRegex(p)) });
    }
  }
  // Swahili verb forms generated from a few verbs (see morphology.ts), matched like the listed phrases.
  const morphology = expandMorphology(readIn('morphology.json') as MorphologyFile);
  for (const entry of morphology.entries) {
    if (!(entry.category in CATEGORY_LEVEL)) throw new Error(`Lexicon morphology.json: unknown category ${entry.category} in ${entry.id}`);
    patternCount += entry.patterns.length;
    entries.push({ id: entry.id, category: entry.category, language: 'sw', negatable: true, regexes: entry.patterns.map((p) => tokenRegex(p)) });
  }
  const m = readIn('modifiers.json');
  const affect = (table: Record<string, number>) => Object.entries(table).map(([phrase, weight]) => [tokenRegex(phrase), weight] as [RegExp, number]);
  const modifiers: Modifiers = {
    negation: { window: m.negation.window, cues: anyOf(m.negation.cues), notNegation: anyOf(m.negation.notNegation) },
    past: { window: m.past.window, cues: anyOf(m.past.cues), after: anyOf(m.past.after) },
    // A third-person verb form ("atajiua", "alijikata") is a report about someone else by its morphology.
    reported: anyOf([...m.reported, ...morphology.thirdPerson]),
    media: anyOf(m.media),
    informational: anyOf(m.informational),
    timing: anyOf(m.timing),
    means: anyOf(m.means),
    idioms: anyOf(m.idioms),
    deflection: anyOf(m.deflection),
    // Like "alijiua" in the reported list, a past third-person form is a death reported (news, grief), not a mention.
    professional: anyOf(m.professional),
    recovery: anyOf(m.recovery),
    mentions: anyOf([...m.mentions, ...morphology.thirdPersonNow, ...morphology.secondPerson, ...morphology.selfHarm.map((s) => s.source)]),
    affect: { negative: affect(m.affect.negative), positive: affect(m.affect.positive) },
  };
  const v = readIn('vocabulary.json');
  const vocabulary: Vocabulary = {
    selfHarm: [
      ...Object.entries(v.selfHarm.terms as Record<string, string[]>).flatMap(([category, sources]) => sources.map((source) => ({ regex: tokenRegex(source), category }))),
      ...morphology.selfHarm.map(({ source, category }) => ({ regex: tokenRegex(source), category })),
    ],
    crisis: anyOf((v.crisis.terms as string[]).map(morphology.expand)),
    firstPerson: anyOf(v.firstPerson.patterns),
  };
  for (const { category } of vocabulary.selfHarm) if (!(category in CATEGORY_LEVEL)) throw new Error(`Lexicon vocabulary.json: unknown category ${category}`);
  const c = readIn('compound.json') as { classes?: Record<string, string>; groups: Record<string, string[]>; rules: Partial<CompoundRule>[]; everydayFarewell: { entries: string[]; unless: string }; phraseVetoes?: { entries?: string[]; categories?: string[]; unless: string[] }[] };
  // Concept classes (`classes` in compound.json: "@ingest", "@toxic", "@quantity", …) are written once and
  // referenced by name in the cue patterns; a class may name other classes or morphology.json's means.
  const classes = c.classes ?? {};
  const expandClasses = (source: string, depth = 0): string =>
    source.replace(/@(\w+)/g, (whole, name: string) => {
      if (!(name in classes)) return morphology.expand(whole);
      if (depth > 8) throw new Error(`Lexicon compound.json: class @${name} refers to itself`);
      return `(?:${expandClasses(classes[name]!, depth + 1)})`;
    });
  const compound: Compound = {
    groups: new Map(Object.entries(c.groups).map(([name, sources]) => [name, sources.map((source) => tokenRegex(expandClasses(source)))])),
    rules: c.rules.map((r) => ({ id: r.id!, category: r.category!, all: r.all ?? [], distinct: r.distinct ?? {}, unless: r.unless ?? [], hit: r.hit ?? null })),
    everydayFarewell: { entries: new Set(c.everydayFarewell.entries), unless: [] },
    phraseVetoes: (c.phraseVetoes ?? []).map((v) => ({ entries: new Set(v.entries ?? []), categories: new Set(v.categories ?? []), unless: v.unless })),
  };
  for (const veto of compound.phraseVetoes) for (const g of veto.unless) if (!compound.groups.has(g)) throw new Error(`Lexicon compound.json: unknown group ${g} in phraseVetoes`);
  compound.everydayFarewell.unless = compound.groups.get(c.everydayFarewell.unless) ?? [];
  for (const rule of compound.rules) {
    if (!(rule.category in CATEGORY_LEVEL)) throw new Error(`Lexicon compound.json: unknown category ${rule.category} in ${rule.id}`);
    for (const g of [...rule.all, ...Object.keys(rule.distinct), ...rule.unless]) if (!compound.groups.has(g)) throw new Error(`Lexicon compound.json: unknown group ${g} in ${rule.id}`);
  }
  const folds = new Map<string, string>(Object.entries(readIn('normalise.json').tokens as Record<string, string>));
  return { entries, compound, modifiers, vocabulary, folds, patternCount, learned };
}
