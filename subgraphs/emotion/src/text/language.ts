import { lexicons, tokenize } from './lexicons.js';

export type Language = 'EN' | 'SW' | 'MIXED';
export type TokenLanguage = 'EN' | 'SW' | 'UNKNOWN';

/** Below this share of the minority language's tokens a text is one language, not MIXED. */
export const MIXED_SHARE = 0.2;

// Swahili morphology for words not in the lists: vowel-final, no English clusters, Bantu prefixes.
const SWAHILI_PREFIX = /^(ni|u|a|tu|m|wa|ki|vi|li|ya|zi|ku|si|ha|hu)(na|li|ta|me|ja|ka|ki|nge)?[a-z]/;
const ENGLISH_SHAPE = /(th|sh$|ck|tion|ing$|ed$|ly$|[^aeiou]s$|w[^a]|x|q|c[^h]|[^aeiouy]{3})/;

/** The language of one token: the word lists first, then its shape. */
export function tokenLanguage(token: string): TokenLanguage {
  const { swahili, english } = lexicons();
  const sw = swahili.has(token);
  const en = english.has(token);
  if (sw && !en) return 'SW';
  if (en && !sw) return 'EN';
  if (sw && en) return 'UNKNOWN';
  if (token.length < 3) return 'UNKNOWN';
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

/** English, Swahili (Swahili and Sheng count as SW) or code-switched, token by token. */
export function detectLanguage(text: string): LanguageResult {
  const tokens = tokenize(text).map((token) => ({ token, language: tokenLanguage(token) }));
  const sw = tokens.filter((t) => t.language === 'SW').length;
  const en = tokens.filter((t) => t.language === 'EN').length;
  if (!sw && !en) return { language: null, tokens, swahiliShare: 0 };
  const share = sw / (sw + en);
  const language: Language = share >= 1 - MIXED_SHARE ? 'SW' : share <= MIXED_SHARE ? 'EN' : 'MIXED';
  return { language, tokens, swahiliShare: Math.round(share * 1000) / 1000 };
}
