import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { encodeWav } from '../src/audio/wav.js';
import { emotion } from '../src/server.js';
import { spokenWavBase64 } from '../scripts/espeak.js';

const ANALYZE = `mutation($input: AnalyzeUtteranceInput!) { analyzeUtterance(input: $input) {
  transcript language quality qualityFlags concealment dissonance deviation
  reading { id emotion confidence source language quality dissonance concealment deviation scores { emotion score } user { id } } } }`;
const ALL = ['VOICE_PROCESSING', 'EMOTION_ANALYSIS'];

// An OpenAI-compatible transcription server on loopback.
const sttCalls: { auth?: string; body: string }[] = [];
const stt = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c.toString('latin1')));
  req.on('end', () => {
    if (req.url !== '/v1/audio/transcriptions') return void res.writeHead(404).end();
    sttCalls.push({ auth: req.headers.authorization, body });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: 'Nimechoka sana, lakini niko poa tu.' }));
  });
});

let subgraph: TestSubgraph;
let audio: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => stt.listen(0, '127.0.0.1', resolve));
  const port = (stt.address() as AddressInfo).port;
  subgraph = await startTestSubgraph(emotion, { STT_BASE_URL: `http://127.0.0.1:${port}/v1`, STT_MODEL: 'whisper-test', STT_API_KEY: 'sk-test' });
  audio = spokenWavBase64('Nimechoka sana leo. Niko poa tu, asante.');
});
afterAll(async () => {
  await subgraph?.stop();
  await new Promise((resolve) => stt.close(resolve));
});

const analyze = (input: Record<string, unknown>) => subgraph.request(asService(), ANALYZE, { input });

describe('analyzeUtterance', () => {
  it('reads voice and words into one FUSED reading with language, quality and dissonance', async () => {
    const userId = randomUUID();
    const { data, errors } = await analyze({ userId, messageId: randomUUID(), audio: { base64: audio, mimeType: 'audio/wav' }, transcript: 'Niko poa tu', consents: ALL });
    expect(errors).toBeUndefined();
    const a = data.analyzeUtterance;
    expect(a).toMatchObject({ transcript: 'Niko poa tu', language: 'SW' });
    expect(a.quality).toBeGreaterThan(0.3);
    expect(a.reading).toMatchObject({ source: 'FUSED', language: 'SW', user: { id: userId } });
    expect(a.reading.scores.reduce((s: number, x: { score: number }) => s + x.score, 0)).toBeCloseTo(1, 2);
    expect(typeof a.reading.concealment).toBe('boolean');
    expect(a.dissonance).toBeGreaterThanOrEqual(0);
    expect(a.deviation).toBeNull(); // no baseline yet
    expect(sttCalls).toHaveLength(0); // the client's transcript is used as it is
  });

  it('returns the first reading when a message is analysed again (offline replay)', async () => {
    const userId = randomUUID();
    const messageId = randomUUID();
    const first = await analyze({ userId, messageId, transcript: 'Sina furaha leo', consents: ALL });
    const again = await analyze({ userId, messageId, transcript: 'Sina furaha leo', consents: ALL });
    expect(first.data.analyzeUtterance.reading).toMatchObject({ source: 'TEXT', emotion: 'SAD' });
    expect(again.data.analyzeUtterance.reading.id).toBe(first.data.analyzeUtterance.reading.id);
  });

  it('concurrent analyses of one message (client retries) give one reading, and the baseline counts it once', async () => {
    const userId = randomUUID();
    const messageId = randomUUID();
    const input = { userId, messageId, audio: { base64: audio, mimeType: 'audio/wav' }, transcript: 'Niko poa tu', consents: ALL };
    const results = await Promise.all([1, 2, 3, 4].map(() => analyze(input)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data.analyzeUtterance.reading.id)).size).toBe(1);
    const sql = subgraph.orm.orm.em.fork().getConnection();
    expect(await sql.execute('select count(*)::int as n from emotion_reading where message_id = ?', [messageId])).toEqual([{ n: 1 }]);
    expect(await sql.execute('select count from emotion_baseline where user_id = ?', [userId])).toEqual([{ count: 1 }]);
  });

  it('calls speech to text only with EXTERNAL_AI consent, and then reads its transcript', async () => {
    const without = await analyze({ userId: randomUUID(), audio: { base64: audio, mimeType: 'audio/wav' }, consents: ALL });
    expect(without.errors).toBeUndefined();
    expect(without.data.analyzeUtterance).toMatchObject({ transcript: null, reading: { source: 'VOICE' } });
    expect(sttCalls).toHaveLength(0);
    const withConsent = await analyze({ userId: randomUUID(), audio: { base64: audio, mimeType: 'audio/wav' }, consents: [...ALL, 'EXTERNAL_AI'] });
    expect(withConsent.errors).toBeUndefined();
    expect(withConsent.data.analyzeUtterance).toMatchObject({ transcript: 'Nimechoka sana, lakini niko poa tu.', language: 'SW', reading: { source: 'FUSED' } });
    expect(sttCalls).toHaveLength(1);
    expect(sttCalls[0]!.auth).toBe('Bearer sk-test');
    expect(sttCalls[0]!.body).toContain('whisper-test');
    expect(sttCalls[0]!.body).toContain('RIFF');
  });

  it('makes no reading without EMOTION_ANALYSIS, and does not touch the audio without VOICE_PROCESSING', async () => {
    const noEmotion = await analyze({ userId: randomUUID(), audio: { base64: audio, mimeType: 'audio/wav' }, transcript: 'niko sawa', consents: ['VOICE_PROCESSING'] });
    expect(noEmotion.errors).toBeUndefined();
    expect(noEmotion.data.analyzeUtterance.reading).toBeNull();
    expect(noEmotion.data.analyzeUtterance.quality).toBeGreaterThan(0);
    // Broken audio is not even decoded without VOICE_PROCESSING: the words alone are read.
    const noVoice = await analyze({ userId: randomUUID(), audio: { base64: 'UklGRg==', mimeType: 'audio/wav' }, transcript: 'I feel so scared', consents: ['EMOTION_ANALYSIS'] });
    expect(noVoice.errors).toBeUndefined();
    expect(noVoice.data.analyzeUtterance).toMatchObject({ quality: null, reading: { source: 'TEXT', emotion: 'FEAR', quality: null } });
  });

  it.each([
    ['a truncated header', () => Buffer.from(audio, 'base64').subarray(0, 30).toString('base64'), 'audio/wav', 'TRUNCATED'],
    ['8-bit samples', () => {
      const b = Buffer.from(audio, 'base64');
      b.writeUInt16LE(1, 32);
      b.writeUInt16LE(8, 34);
      return b.toString('base64');
    }, 'audio/wav', 'SAMPLE_WIDTH'],
    ['silence', () => encodeWav(new Float32Array(32000), 16000).toString('base64'), 'audio/wav', 'SILENT'],
    ['an mp3', () => 'SUQzBAAAAAAA', 'audio/mpeg', 'UNSUPPORTED_MIME_TYPE'],
  ])('refuses %s with BAD_USER_INPUT and a reason', async (_name, make, mimeType, reason) => {
    const { errors } = await analyze({ userId: randomUUID(), audio: { base64: make(), mimeType }, consents: ALL });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'audio', reason });
  });

  it('reports deviation from the baseline after 5 readings', async () => {
    const userId = randomUUID();
    for (let i = 0; i < 5; i++) await analyze({ userId, transcript: 'Nina furaha, niko sawa', consents: ['EMOTION_ANALYSIS'] });
    const { data } = await analyze({ userId, transcript: 'Sina furaha, nina huzuni na hofu, nimekata tamaa', consents: ['EMOTION_ANALYSIS'] });
    expect(data.analyzeUtterance.deviation).toBeGreaterThan(2.5);
    expect(data.analyzeUtterance.reading.deviation).toBe(data.analyzeUtterance.deviation);
  });

  it('shows the person their baseline (and nobody else without consent)', async () => {
    const userId = randomUUID();
    const BASELINE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { emotionBaseline { readings ready values { name mean sd } } } } }`;
    const r = [{ __typename: 'User', id: userId }];
    expect((await subgraph.request(asUser(userId), BASELINE, { r })).data._entities[0].emotionBaseline).toBeNull();
    for (let i = 0; i < 2; i++) await analyze({ userId, audio: { base64: audio, mimeType: 'audio/wav' }, transcript: 'Niko poa', consents: ALL });
    const { data, errors } = await subgraph.request(asUser(userId), BASELINE, { r });
    expect(errors).toBeUndefined();
    const baseline = data._entities[0].emotionBaseline;
    expect(baseline).toMatchObject({ readings: 2, ready: false });
    const names = baseline.values.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(['valence', 'arousal', 'mix_SAD', 'pitch_mean_st', 'syllable_rate']));
    expect(baseline.values.every((v: { sd: number }) => v.sd >= 0)).toBe(true);
    const stranger = await subgraph.request(asUser(randomUUID()), BASELINE, { r });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is for services only', async () => {
    const userId = randomUUID();
    const { errors } = await subgraph.request(asUser(userId), ANALYZE, { input: { userId, transcript: 'hi', consents: ALL } });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
