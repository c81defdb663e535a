import { readFileSync } from 'node:fs';

/** The language of a text: English, Swahili (Sheng counts as Swahili) or code-switched. */
export type Language = 'EN' | 'SW' | 'MIXED';
/** MIXED: a Sheng hybrid, Swahili verb prefixes on an English stem ("wata-ni-kill", "nime-decide"). */
export type TokenLanguage = 'EN' | 'SW' | 'MIXED' | 'UNKNOWN';

/** A text is code-switched (MIXED) when its minority language has at least this share of the told tokens… */
export const MIXED_SHARE = 0.15;
/** …and at least this many tokens: one loanword ("stress", "sawa") does not make a text code-switched. */
export const MIXED_MIN_TOKENS = 2;

/** Lower-case word tokens (apostrophes kept inside words: "i'm", "don't"). */
export const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .match(/[\p{L}']+/gu)
    ?.map((t) => t.replace(/^'+|'+$/g, ''))
    .filter(Boolean) ?? [];

/** A shipped word list: words separated by spaces or lines; `#` lines are comments. */
function wordList(file: string): Set<string> {
  const text = readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8');
  return new Set(text.split('\n').flatMap((line) => (line.trim().startsWith('#') ? [] : tokenize(line))));
}

let lists: { swahili: Set<string>; english: Set<string> } | undefined;
/** The Swahili/Sheng and common English word lists (`data/`), read once. */
export function wordLists(): { swahili: ReadonlySet<string>; english: ReadonlySet<string> } {
  lists ??= { swahili: wordList('swahili-sheng.txt'), english: wordList('english-common.txt') };
  return lists;
}

// Swahili morphology for words not in the lists: vowel-final, no English clusters, Bantu subject
// (and noun-class) prefixes with an optional tense marker: ni-na-fikiria, ku-ji-nyonga, wa-me-enda.
const SWAHILI_PREFIX = /^(ni|u|a|tu|m|wa|ki|vi|li|ya|zi|ku|si|ha|hu)(na|li|ta|me|ja|ka|ki|nge)?[a-z]/;
const ENGLISH_SHAPE = /(th|sh$|ck|tion|ing$|ed$|ly$|[^aeiou]s$|w[^a]|x|q|c[^h]|[^aeiouy]{3})/;

// A Swahili subject + tense (+ object) prefix before an English stem: code-switching inside one word.
const SHENG_HYBRID = /^(ni|u|a|tu|m|wa|ha|si)(na|li|ta|me|nge|ka)(ni|ku|mu|m|tu|wa|ji)?(.{3,})$/;

/** The language of one token: the word lists first, then its shape. */
export function tokenLanguage(token: string): TokenLanguage {
  const { swahili, english } = wordLists();
  const sw = swahili.has(token);
  const en = english.has(token);
  if (sw && !en) return 'SW';
  if (en && !sw) return 'EN';
  if (sw && en) return 'UNKNOWN';
  if (token.length < 3) return 'UNKNOWN';
  const stem = SHENG_HYBRID.exec(token)?.[4];
  if (stem && (english.has(stem) || ENGLISH_SHAPE.test(stem))) return 'MIXED';
  if (ENGLISH_SHAPE.test(token)) return 'EN';
  if (/[aeiou]$/.test(token) && SWAHILI_PREFIX.test(token) && !/[^aeiou]{3}/.test(token)) return 'SW';
  return 'UNKNOWN';
}

export interface LanguageResult {
  /** null when no token could be told. */
  language: Language | null;
  tokens: { token: string; language: TokenLanguage }[];
  /** Share of the told tokens that are Swahili/Sheng. */
  swahiliShare: number;
}

/** English, Swahili or code-switched, token by token (tokens that cannot be told do not count). */
export function detectLanguage(text: string): LanguageResult {
  const tokens = tokenize(text).map((token) => ({ token, language: tokenLanguage(token) }));
  // A hybrid token counts for both languages.
  const sw = tokens.filter((t) => t.language === 'SW' || t.language === 'MIXED').length;
  const en = tokens.filter((t) => t.language === 'EN' || t.language === 'MIXED').length;
  if (!sw && !en) return { language: null, tokens, swahiliShare: 0 };
  const minority = Math.min(sw, en);
  const language: Language = minority >= MIXED_MIN_TOKENS && minority / (sw + en) >= MIXED_SHARE ? 'MIXED' : sw > en ? 'SW' : 'EN';
  return { language, tokens, swahiliShare: Math.round((sw / (sw + en)) * 1000) / 1000 };
}
