import { readFileSync } from 'node:fs';

/** The language of a message: Swahili, English, or code-switched (Sheng). */
export type ReplyLanguage = 'EN' | 'SW' | 'MIXED';

export const SWAHILI_WORDS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(new URL('../../data/swahili-words.json', import.meta.url), 'utf8')) as { words: string[] }).words,
);

/** At least this share of Swahili words makes a message Swahili. */
export const SWAHILI_THRESHOLD = 0.75;
/** At least this share (and below {@link SWAHILI_THRESHOLD}) makes it code-switched. */
export const MIXED_THRESHOLD = 0.2;

/** Lower-case words (letters only; apostrophes dropped, so "don't" is "dont"). */
export const words = (text: string): string[] => text.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? [];

/** Share of `text`'s words found in the Swahili word list (0 for no words). */
export function swahiliShare(text: string): number {
  const tokens = words(text);
  if (!tokens.length) return 0;
  return tokens.filter((w) => SWAHILI_WORDS.has(w)).length / tokens.length;
}

/** Detects Swahili vs English vs mixed by the share of words found in the Swahili word list. */
export function detectLanguage(text: string): ReplyLanguage {
  if (!words(text).length) return 'EN';
  const share = swahiliShare(text);
  if (share >= SWAHILI_THRESHOLD) return 'SW';
  if (share >= MIXED_THRESHOLD) return 'MIXED';
  return 'EN';
}

/** A stable (never random) index: the same key always picks the same option. */
export function stableIndex(key: string, length: number): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return length ? hash % length : 0;
}
