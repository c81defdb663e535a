import { detectLanguage as detect } from '@resona/language';

/** The language of a message: Swahili, English, or code-switched (Sheng). */
export type ReplyLanguage = 'EN' | 'SW' | 'MIXED';

/** Lower-case words (letters only; apostrophes dropped, so "don't" is "dont"): the feeling lexicons' tokens. */
export const words = (text: string): string[] => text.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? [];

/** The language to reply in: the person's (token by token, @resona/language); English when no word can be told. */
export const detectLanguage = (text: string): ReplyLanguage => detect(text).language ?? 'EN';

/** A stable (never random) index: the same key always picks the same option. */
export function stableIndex(key: string, length: number): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
  return length ? hash % length : 0;
}
