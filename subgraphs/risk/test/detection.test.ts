/** Each detection layer on its own: lexicon (negation, reported speech, idioms, Sheng spelling), signals, the LLM rule. */
import { describe, expect, it } from '@jest/globals';
import { detect, raiseWithJudgement } from '../src/detection/combine.js';
import { lexiconLayer } from '../src/detection/lexical.js';
import { loadLexicon } from '../src/detection/lexicon.js';
import { parseJudgement } from '../src/detection/llm.js';
import { maskPii } from '../src/detection/pii.js';
import { evaluate, loadEvalSet } from '../src/detection/evaluate.js';

const lexicon = loadLexicon();
const level = (text: string) => lexiconLayer(lexicon, text).level;

describe('lexicon layer', () => {
  it('tells a wish from its negation, in Swahili and English', () => {
    expect(level('nataka kujiua')).toBe('HIGH');
    expect(level('sitaki kujiua')).toBe('NONE');
    expect(level('I want to kill myself')).toBe('HIGH');
    expect(level('I would never kill myself')).toBe('NONE');
    expect(lexiconLayer(lexicon, 'I would never kill myself').suppressed[0]).toMatchObject({ suppressed: 'NEGATED' });
    // A negation that is itself the risk is not a negation.
    expect(level("I don't want to live anymore")).toBe('MODERATE');
    expect(level('sina sababu ya kuishi')).toBe('MODERATE');
  });

  it("keeps someone else's words apart from the person's own", () => {
    const reported = lexiconLayer(lexicon, 'My friend said she wants to die and I do not know how to help');
    expect(reported).toMatchObject({ level: 'LOW', thirdParty: true, hits: [] });
    expect(level('Rafiki yangu aliniambia anataka kujiua')).toBe('LOW');
    expect(level('The news said a student killed himself')).toBe('NONE');
    expect(level('Wimbo huu unasema "nataka kufa nawe"')).toBe('NONE');
  });

  it('masks idioms: traffic that kills, work that tires, and life that tires', () => {
    expect(level('this traffic is killing me')).toBe('NONE');
    expect(lexiconLayer(lexicon, 'this traffic is killing me').idioms).toEqual(['is killing me']);
    expect(level('njaa inaniua')).toBe('NONE');
    expect(level('nimechoka na kazi')).toBe('LOW');
    expect(level('nimechoka na maisha')).toBe('MODERATE');
    expect(level('nimechoka na life')).toBe('MODERATE');
  });

  it('reads Sheng and SMS spelling: repeated letters, ku- hyphens, contractions', () => {
    expect(level('nataaaka kujiuwa')).toBe('HIGH');
    expect(level('sometimes nataka ku-end it all')).toBe('HIGH');
    expect(level('i wanna die')).toBe('HIGH');
    expect(level('siezi jimaliza bana')).not.toMatch(/HIGH|IMMINENT/);
  });

  it('makes ideation IMMINENT with a time or means, and preparation IMMINENT on its own', () => {
    expect(lexiconLayer(lexicon, 'nitajiua leo usiku')).toMatchObject({ level: 'IMMINENT', escalatedBy: 'leo' });
    expect(level("I've written my goodbye letters")).toBe('IMMINENT');
    expect(level('Nimenunua sumu ya panya')).toBe('IMMINENT');
    expect(level('I tried to kill myself two years ago')).toBe('MODERATE');
  });
});

describe('signals and combination', () => {
  it('explains itself and keeps the score inside the level band', () => {
    const d = detect(lexicon, { text: 'Nataka kujiua' });
    expect(d.level).toBe('HIGH');
    expect(d.score).toBeGreaterThanOrEqual(0.6);
    expect(d.score).toBeLessThan(0.8);
    expect(d.signals[0]).toMatchObject({ code: 'CSSRS_IDEATION', detail: expect.stringContaining('nataka kujiua') });
  });

  it('lets voice, deviation, dissonance and a rising trend raise one level and send it to review, never to IMMINENT', () => {
    const now = new Date();
    const history = [0.45, 0.3, 0.2].map((score, i) => ({ score, level: 'LOW' as const, createdAt: new Date(now.getTime() - (i + 1) * 3_600_000) }));
    const calm = detect(lexicon, { text: 'niko sawa' }, [], now);
    expect(calm.level).toBe('NONE');
    const masked = detect(lexicon, { text: 'niko sawa', emotion: 'SAD', emotionConfidence: 0.9, dissonance: 0.9, baselineDeviation: 2.5 }, history, now);
    expect(masked.level).toBe('LOW');
    expect(masked.review).toContain('SIGNALS_DISAGREE');
    expect(masked.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['VOICE_NEGATIVE_EMOTION', 'VOICE_WORDS_DISSONANCE', 'BASELINE_DEVIATION', 'ESCALATING_TREND']));
    const passive = detect(lexicon, { text: 'bora nife tu', emotion: 'SAD', emotionConfidence: 1, baselineDeviation: 3 }, history, now);
    expect(passive.level).toBe('HIGH');
    const high = detect(lexicon, { text: 'nataka kujiua', emotion: 'SAD', emotionConfidence: 1, baselineDeviation: 3, dissonance: 1 }, history, now);
    expect(high.level).toBe('HIGH');
  });

  it('an LLM judgement may raise a level, never lower it', () => {
    const moderate = detect(lexicon, { text: 'bora nife tu' });
    expect(raiseWithJudgement(moderate, 'NONE', 'fine').level).toBe('MODERATE');
    const raised = raiseWithJudgement(moderate, 'HIGH', 'passive ideation with hopelessness');
    expect(raised.level).toBe('HIGH');
    expect(raised.review).toContain('LLM_DISAGREES');
    expect(parseJudgement('{"level":"imminent","categories":["plan"],"rationale":"x"}')).toMatchObject({ level: 'IMMINENT' });
    expect(parseJudgement('not json')).toBeNull();
    expect(parseJudgement('{"level":"VERY BAD"}')).toBeNull();
  });

  it('masks phone numbers, e-mails and names before anything leaves', () => {
    const masked = maskPii('My name is Wanjiku Kamau, call 0712 345 678 or +256 772 123456, mail wk@example.com. Jina langu ni Baraka');
    expect(masked).not.toMatch(/Wanjiku|Kamau|0712|772|wk@|Baraka/);
    expect(masked).toContain('[NAME]');
    expect(masked).toContain('[PHONE]');
    expect(masked).toContain('[EMAIL]');
  });
});

describe('eval set', () => {
  it('has at least 300 labelled messages in every language, with a held-out test split', () => {
    const items = loadEvalSet();
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'sw', 'sheng', 'mixed']) expect(items.filter((i) => i.lang === lang).length).toBeGreaterThan(20);
    expect(items.filter((i) => i.split === 'test').length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('does not regress below the figures in the README (dev: every alert caught; test: as measured)', () => {
    const items = loadEvalSet();
    const dev = evaluate(lexicon, items.filter((i) => i.split === 'dev'));
    const test = evaluate(lexicon, items.filter((i) => i.split === 'test'));
    expect(dev.alert.recall).toBe(1);
    expect(dev.hardNegatives.falseAlarmRate).toBeLessThanOrEqual(0.05);
    expect(test.alert.recall).toBeGreaterThanOrEqual(0.83);
    expect(test.alert.precision).toBeGreaterThanOrEqual(0.85);
    expect(test.hardNegatives.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});
