import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { detectLanguage, tokenLanguage } from '../src/index.js';

describe('language detection', () => {
  it('tells each token by the word lists, then by Swahili morphology or English shape', () => {
    expect(tokenLanguage('sana')).toBe('SW');
    expect(tokenLanguage('because')).toBe('EN');
    expect(tokenLanguage('ninafikiria')).toBe('SW'); // ni-na-fikiria: not in the list, Swahili by its prefixes
    expect(tokenLanguage('kujinyonga')).toBe('SW');
    expect(tokenLanguage('thinking')).toBe('EN');
    expect(tokenLanguage('stress')).toBe('UNKNOWN'); // in both lists: a Sheng loanword says nothing by itself
  });

  it('counts a Sheng hybrid (Swahili prefixes on an English stem) for both languages', () => {
    expect(tokenLanguage('watanikill')).toBe('MIXED');
    expect(tokenLanguage('nimedecide')).toBe('MIXED');
    expect(tokenLanguage('nimechoka')).toBe('SW');
  });

  it('calls a text MIXED only when the minority language has two tokens and 15% of them', () => {
    expect(detectLanguage('Nimechoka sana na maisha yangu').language).toBe('SW');
    expect(detectLanguage('Nimechoka sana na stress ya kazi').language).toBe('SW'); // one loanword
    expect(detectLanguage('Maze, nimechoka sana na hii stress ya kazi this week').language).toBe('MIXED');
    expect(detectLanguage('I have been feeling so sad this week, sawa').language).toBe('EN');
    expect(detectLanguage('Exams zimeenda vibaya na wazazi watanikill').language).toBe('MIXED');
    expect(detectLanguage('123 !!').language).toBeNull();
  });
});

describe('the model card', () => {
  it('still holds: held-out accuracy at least the 94.0% it states', () => {
    const items = readFileSync(new URL('../data/eval/language-holdout.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { label: string; text: string });
    const correct = items.filter((item) => (detectLanguage(item.text).language ?? 'EN') === item.label).length;
    expect(items).toHaveLength(200);
    expect(correct / items.length).toBeGreaterThanOrEqual(0.94);
  });
});
