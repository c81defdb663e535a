import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { COUNTRIES, crisisResources, hasCrisisResources } from '../src/domain/crisis-resources.js';
import { Bm25Retriever, evaluateRetrieval, KB_EVAL } from '../src/domain/knowledge.js';
import { detectLanguage } from '../src/domain/language.js';
import { CircuitBreaker, LlmClient } from '../src/domain/llm.js';
import { moderateReply } from '../src/domain/moderation.js';
import { extractFacts } from '../src/domain/facts.js';
import { PiiMasker } from '../src/domain/pii.js';
import { composeReply, HUMAN_NOTICE } from '../src/domain/responder.js';
import { voiceMessageEmotion, voiceNote } from '../src/domain/voice.js';
import { fakeLlm } from './support.js';

const evalData = JSON.parse(readFileSync(new URL('../data/eval-replies.json', import.meta.url), 'utf8'));

describe('PII masking', () => {
  const cases: [string, string[]][] = [
    ['Call me on 0712 345 678 or +254 722 123456', ['0712 345 678', '+254 722 123456']],
    ['Nipigie 0754-123-456 au +255 655 123 456', ['0754-123-456', '655 123 456']],
    ['Uganda line +256 772 123456 and 0772123456', ['772 123456', '0772123456']],
    ['email jane.doe@gmail.com or j_k+1@mail.co.ug', ['jane.doe@gmail.com', 'j_k+1@mail.co.ug']],
    ['My ID number is 23456789, passport AK1234567', ['23456789', 'AK1234567']],
    ['NIN CM90010123456A, NIDA 19900101-12345-00001-23', ['CM90010123456A', '19900101-12345-00001-23']],
    ['M-Pesa QGH7K2LM9P confirmed, also sl4kx9pq2m', ['QGH7K2LM9P', 'sl4kx9pq2m']],
    ['I was born on 12/03/1998; nilizaliwa tarehe 5 Machi 1995; born in 2001', ['12/03/1998', '5 Machi 1995', '2001']],
    ['P.O. Box 1234-00100 Nairobi, 45 Ngong Road, House No. 12', ['1234-00100', 'Ngong Road', 'House No. 12']],
    ['Naishi Mtaa wa Uhuru, S.L.P 789 Dodoma', ['Uhuru', '789']],
    ['My sister Wanjiku and my friend Brian Otieno', ['Wanjiku', 'Brian Otieno']],
    ['Jina langu ni Amani. Mama yangu Achieng. Mr. Kamau called', ['Amani', 'Achieng', 'Kamau']],
  ];
  it.each(cases)('masks %s', (text, secrets) => {
    const masker = new PiiMasker();
    const masked = masker.mask(text);
    for (const secret of secrets) expect(masked).not.toContain(secret);
    expect(masker.restore(masked)).toBe(text);
  });

  it('keeps ordinary words (sina tumaini, imani) and restores placeholders a model rearranged', () => {
    const masker = new PiiMasker();
    expect(masker.mask('sina tumaini na imani yangu imeisha')).toBe('sina tumaini na imani yangu imeisha');
    const masked = masker.mask('My friend Baraka lent me money');
    expect(masked).toBe('My friend [NAME_1] lent me money');
    expect(masker.restore('How is NAME_1 doing? And [PHONE_9]?')).toBe('How is Baraka doing? And ?');
  });
});

describe('moderation', () => {
  const fallback = () => 'SAFE FALLBACK?';
  const unsafeCases: [string, string][] = evalData.unsafe.map((u: { text: string; rule: string }) => [u.rule, u.text]);
  const safeCases: [string][] = evalData.safe.map((text: string) => [text]);
  it.each(unsafeCases)('catches %s: %s', (rule, text) => {
    const result = moderateReply({ text, language: 'EN', riskLevel: 'NONE', country: null, facts: [], fallback });
    expect(result.findings.map((f) => f.rule)).toContain(rule);
    expect(result.action !== 'ALLOW' || result.needsReview).toBe(true);
    if (rule === 'DOSAGE_OR_METHOD' || rule === 'ENCOURAGES_HARM') expect(result.text).toBe('SAFE FALLBACK?');
  });

  it.each(safeCases)('lets through %s', (text) => {
    expect(moderateReply({ text, language: 'EN', riskLevel: 'NONE', country: null, facts: [], fallback })).toMatchObject({ action: 'ALLOW', needsReview: false });
  });

  it('drops a sentence that contradicts the person and keeps the rest', () => {
    const facts = extractFacts('My mother died last year and I have 3 children');
    const result = moderateReply({ text: 'That is a lot to carry. Maybe talk to your mother about it. How are your 2 children?', language: 'EN', riskLevel: 'NONE', country: null, facts, fallback });
    expect(result).toMatchObject({ action: 'REWRITE', text: 'That is a lot to carry.' });
  });

  it.each(COUNTRIES.flatMap((c) => (['EN', 'SW', 'MIXED'] as const).map((l) => [c, l] as const)))('adds the crisis lines of %s at HIGH risk (%s)', (country, language) => {
    const result = moderateReply({ text: 'I hear you.', language, riskLevel: 'HIGH', country, facts: [], fallback });
    expect(result.action).toBe('REWRITE');
    expect(hasCrisisResources(result.text, country)).toBe(true);
    expect(result.text).toContain(HUMAN_NOTICE[language]);
    expect(crisisResources(country)[0]!.resources.length).toBeGreaterThanOrEqual(3);
  });
});

describe('local responder', () => {
  it('answers in the person’s language, with a coping suggestion fitting the feeling, the same way every time', () => {
    const en = composeReply('I am so anxious about tomorrow');
    expect(en.feeling).toBe('WORRIED');
    expect(en.text).toMatch(/breath|write them down/i);
    expect(detectLanguage(en.text)).toBe('EN');
    const sw = composeReply('Nina wasiwasi mwingi kuhusu kesho');
    expect(detectLanguage(sw.text)).toBe('SW');
    expect(composeReply('Maze niko na stress mingi this week')).toEqual(composeReply('Maze niko na stress mingi this week'));
    expect(composeReply({ text: 'I am fine' }).text).toMatch(/fine/);
  });

  it('asks directly about suicidal thoughts when the person sounds hopeless', () => {
    expect(composeReply('I feel hopeless, there is no point').text).toMatch(/ending their life/);
  });

  it('asks directly about suicidal thoughts whenever risk rates the message MODERATE, whatever the feeling words', () => {
    const text = 'Nimechoka na maisha, sitaki kuendelea hivi';
    expect(composeReply({ text, riskLevel: 'NONE' }).text).not.toMatch(/kujiua/);
    expect(composeReply({ text, riskLevel: 'MODERATE' }).text).toMatch(/kujiua/);
    expect(composeReply({ text: 'I tried to end it two years ago and I am tired again', riskLevel: 'MODERATE' }).text).toMatch(/ending their life/);
  });
});

describe('voice messages', () => {
  const analysis = (emotion: string, confidence: number, source = 'VOICE', concealment = false) => ({
    reading: { id: 'r', emotion, confidence, source },
    transcript: null,
    concealment,
    dissonance: null,
    deviation: null,
    qualityFlags: [],
  });

  it('answers the words, never the voice alone (the acoustic model was trained on synthetic speech)', () => {
    expect(voiceMessageEmotion('I feel so lonely', analysis('HAPPY', 0.9)).feeling).toBe('LONELY');
    expect(voiceMessageEmotion('', analysis('FEAR', 0.95)).feeling).toBe('NEUTRAL');
    expect(voiceMessageEmotion('', null).feeling).toBe('NEUTRAL');
  });

  it('treats "I am fine" said in a sad voice as a deflection to ask about again', () => {
    const emotion = voiceMessageEmotion('Niko poa tu', analysis('SAD', 0.7, 'FUSED', true));
    expect(emotion.deflection).toBe(true);
    expect(composeReply({ text: 'Niko poa tu', emotion, language: 'SW' }).text).toContain('sawa');
  });

  it('says what happened to a voice note without words', () => {
    expect(voiceNote('hello', { heard: false, consented: false })).toBeNull();
    expect(voiceNote(' ', { heard: true, consented: true })).toBe('wordless');
    expect(voiceNote('', { heard: false, consented: true })).toBe('unavailable');
    expect(voiceNote('', { heard: false, consented: false })).toBe('notHeard');
  });
});

describe('retrieval (BM25)', () => {
  it('finds the reviewer’s entry on the held-out queries (measured: top-1 88.9%, recall@3 97.2%)', () => {
    const result = evaluateRetrieval(new Bm25Retriever(), KB_EVAL, 3);
    expect(result.top1).toBeGreaterThanOrEqual(0.85);
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.95);
  });
});

describe('LLM client', () => {
  it('respects the token budget and half-opens the breaker after the cooldown', async () => {
    const llm = await fakeLlm();
    try {
      const client = new LlmClient({ baseUrl: llm.url, model: 'm', timeoutMs: 1000, maxRetries: 0, tokenBudget: 200, maxReplyTokens: 100, breakerFailures: 1, breakerCooldownMs: 1000 });
      await expect(client.reply([{ role: 'user', content: 'x'.repeat(2000) }])).rejects.toMatchObject({ code: 'LLM_TOKEN_BUDGET' });
      expect(llm.requests).toHaveLength(0);
      const ok = await client.reply([{ role: 'user', content: 'hello' }]);
      expect(llm.requests.at(-1)!.max_tokens).toBeLessThanOrEqual(100);
      expect(ok.text).toMatch(/Thank you/);
    } finally {
      await llm.close();
    }
    let now = 0;
    const breaker = new CircuitBreaker(2, 1000, () => now);
    breaker.failure();
    breaker.failure();
    expect(breaker.allow()).toBe(false);
    now = 1000;
    expect(breaker.allow()).toBe(true); // one trial
    expect(breaker.allow()).toBe(false);
    breaker.success();
    expect(breaker.state).toBe('CLOSED');
  });
});
