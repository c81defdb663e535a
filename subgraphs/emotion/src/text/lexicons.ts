import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '@resona/language';
import type { Emotion } from '../entities.js';

/** The shipped data folder (emotion lexicon, deflection phrases; the word lists are @resona/language's). */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

const lines = (file: string) =>
  readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

export interface Lexicons {
  emotion: { tokens: string[]; language: 'EN' | 'SW'; emotion: Emotion; valence: number }[];
  deflections: { tokens: string[]; language: 'EN' | 'SW'; kind: 'FINE' | 'MINIMISING' | 'TIRED' }[];
}

let cached: Lexicons | undefined;
/** The shipped lexicons, read once. */
export function lexicons(): Lexicons {
  if (cached) return cached;
  const byLength = <T extends { tokens: string[] }>(list: T[]) => list.sort((a, b) => b.tokens.length - a.tokens.length);
  cached = {
    emotion: byLength(
      lines('emotion-lexicon.tsv').map((l) => {
        const [term, language, emotion, valence] = l.split('\t');
        return { tokens: tokenize(term!), language: language as 'EN' | 'SW', emotion: emotion as Emotion, valence: Number(valence) };
      }),
    ),
    deflections: byLength(
      lines('deflections.tsv').map((l) => {
        const [phrase, language, kind] = l.split('\t');
        return { tokens: tokenize(phrase!), language: language as 'EN' | 'SW', kind: kind as 'FINE' | 'MINIMISING' | 'TIRED' };
      }),
    ),
  };
  return cached;
}
