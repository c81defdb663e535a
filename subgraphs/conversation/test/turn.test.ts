import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { asClinician, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { conversation } from '../src/server.js';
import { crisisResources } from '../src/domain/crisis-resources.js';
import { HUMAN_NOTICE, TEMPLATES } from '../src/domain/responder.js';
import { fakeLlm, fakePeers, type FakeLlm, type FakePeers } from './support.js';

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  userMessage { id text clientMessageId createdAt }
  reply { id role text createdAt }
  emotion { id }
  risk { id }
} }`;
const SYNC = `mutation($input: SyncMessagesInput!) { syncMessages(input: $input) { userMessage { id text clientMessageId createdAt } reply { id text createdAt } risk { id } } }`;

/** Resona's own safety team's clinic: its clinicians review moderation. */
const SAFETY_TEAM = randomUUID();
let peers: FakePeers;
let llm: FakeLlm;
/** The local responder only (no LLM configured). */
let local: TestSubgraph;
/** An external LLM (needs EXTERNAL_AI consent), one retry, breaker after 2 failed turns. */
let external: TestSubgraph;
/** The same LLM marked in-country. */
let inCountry: TestSubgraph;

beforeAll(async () => {
  peers = await fakePeers();
  llm = await fakeLlm();
  const urls = { PRIVACY_URL: peers.privacyUrl, EMOTION_URL: peers.emotionUrl, RISK_URL: peers.riskUrl, SAFETY_REVIEW_CLINIC_ID: SAFETY_TEAM };
  const llmConfig = { LLM_BASE_URL: llm.url, LLM_MODEL: 'test-model', LLM_API_KEY: 'sk-test', LLM_MAX_RETRIES: '1', LLM_TIMEOUT_MS: '1500', LLM_BREAKER_FAILURES: '2', LLM_BREAKER_COOLDOWN_MS: '60000' };
  [local, external, inCountry] = await Promise.all([
    startTestSubgraph(conversation, urls),
    startTestSubgraph(conversation, { ...urls, ...llmConfig }),
    startTestSubgraph(conversation, { ...urls, ...llmConfig, LLM_IN_COUNTRY: 'true' }),
  ]);
});
afterAll(async () => {
  await Promise.all([local?.stop(), external?.stop(), inCountry?.stop()]);
  await peers?.close();
  await llm?.close();
});

const sql = <T = Record<string, unknown>>(subgraph: TestSubgraph, query: string, params: unknown[] = []) =>
  subgraph.orm.orm.em.fork().getConnection().execute<T[]>(query, params);

async function person(subgraph: TestSubgraph, consents: string[] = [], level = 'NONE') {
  const user = randomUUID();
  peers.consents.set(user, consents);
  peers.levels.set(user, level);
  const { data } = await subgraph.request(asUser(user), 'mutation { startConversation { id } }');
  const conversationId: string = data.startConversation.id;
  return {
    user,
    conversationId,
    send: (text: string, extra: Record<string, unknown> = {}) =>
      subgraph.request(asUser(user), SEND, { input: { conversationId, text, clientMessageId: randomUUID(), ...extra } }),
  };
}

describe('the turn', () => {
  it('asks privacy, records the emotion (with consent), assesses risk, replies locally, and returns references', async () => {
    const p = await person(local, ['EMOTION_ANALYSIS']);
    const before = peers.requests.length;
    const { data, errors } = await p.send('I feel so lonely since I moved to Nairobi');
    expect(errors).toBeUndefined();
    const payload = data.sendMessage;
    expect(payload.emotion?.id).toEqual(expect.any(String));
    expect(payload.risk?.id).toEqual(expect.any(String));
    expect(payload.reply.role).toBe('ASSISTANT');
    expect(payload.reply.text).toMatch(/alone|lonely/);
    expect(payload.reply.text).toMatch(/\?$/);
    const calls = peers.requests.slice(before);
    expect(calls.map((c) => c.service).sort()).toEqual(['emotion', 'privacy', 'risk']);
    expect(calls.every((c) => c.authorization?.startsWith('Bearer '))).toBe(true);
    // Emotion reads the words first; risk then gets its reading and the deviation from the person's baseline.
    expect(calls.map((c) => c.service)).toEqual(['privacy', 'emotion', 'risk']);
    const emotion = calls.find((c) => c.service === 'emotion')!.variables.input;
    expect(emotion).toEqual({ userId: p.user, messageId: payload.userMessage.id, audio: null, transcript: 'I feel so lonely since I moved to Nairobi', consents: ['EMOTION_ANALYSIS'] });
    const risk = calls.find((c) => c.service === 'risk')!.variables.input;
    expect(risk).toMatchObject({ userId: p.user, messageId: payload.userMessage.id, text: 'I feel so lonely since I moved to Nairobi', language: 'EN', emotion: 'SAD', emotionConfidence: 0.62, baselineDeviation: 1.8, externalAiConsent: false });
    const [row] = await sql<{ emotion_reading_id: string; risk_assessment_id: string; turn_errors: string[] }>(local, 'select * from message where id = ?', [payload.userMessage.id]);
    expect(row).toMatchObject({ emotion_reading_id: payload.emotion.id, risk_assessment_id: payload.risk.id, turn_errors: [] });
  });

  it('records no emotion without EMOTION_ANALYSIS consent', async () => {
    const p = await person(local, []);
    const before = peers.requests.length;
    const { data } = await p.send('I am so sad today');
    expect(data.sendMessage.emotion).toBeNull();
    expect(peers.requests.slice(before).map((c) => c.service).sort()).toEqual(['privacy', 'risk']);
  });

  it.each([
    ['EN', 'KE', 'I want to end my life tonight'],
    ['SW', 'TZ', 'Nataka kujiua leo usiku, sina sababu ya kuishi'],
    ['SW', null, 'Sitaki kuishi tena, nimechoka na maisha yangu'],
  ])('at HIGH risk the reply names the crisis lines and says a human is told (%s, %s)', async (language, country, text) => {
    const p = await person(local, [], 'HIGH');
    const { data, errors } = await p.send(text, country ? { country } : {});
    expect(errors).toBeUndefined();
    const reply: string = data.sendMessage.reply.text;
    expect(reply).toContain(HUMAN_NOTICE[language as 'EN' | 'SW']);
    for (const { resources } of crisisResources(country as never)) for (const r of resources) expect(reply).toContain(r.contact);
    const [decision] = await sql<{ review_status: string; review_reasons: string[] }>(local, 'select * from moderation_decision where user_id = ?', [p.user]);
    expect(decision).toMatchObject({ review_status: 'PENDING', review_reasons: ['CRISIS'] });
  });

  it('degrades when privacy, emotion and risk are down: the reply comes, the message is kept, errors are recorded', async () => {
    const p = await person(local, ['EMOTION_ANALYSIS']);
    Object.assign(peers.down, { privacy: true, risk: true, emotion: true });
    try {
      const calm = await p.send('Work has been a lot this week');
      expect(calm.errors).toBeUndefined();
      expect(calm.data.sendMessage).toMatchObject({ emotion: null, risk: null, userMessage: { text: 'Work has been a lot this week' } });
      const [row] = await sql<{ turn_errors: string[] }>(local, 'select turn_errors from message where id = ?', [calm.data.sendMessage.userMessage.id]);
      expect(row!.turn_errors.sort()).toEqual(['PRIVACY_UNAVAILABLE', 'RISK_UNAVAILABLE']);
      // Without risk, a local screen still puts crisis lines in the reply and a human (the review queue) in the loop.
      const crisis = await p.send('I want to kill myself', { country: 'UG' });
      expect(crisis.data.sendMessage.reply.text).toContain('0800 21 21 21');
      const reasons = await sql<{ review_reasons: string[] }>(local, `select review_reasons from moderation_decision where user_id = ? and review_status = 'PENDING'`, [p.user]);
      expect(reasons.map((r) => r.review_reasons)).toEqual([['CRISIS_UNASSESSED']]);
    } finally {
      Object.assign(peers.down, { privacy: false, risk: false, emotion: false });
    }
  });
});

describe('the voice turn', () => {
  const audio = { base64: Buffer.from('RIFF....WAVE').toString('base64'), mimeType: 'audio/wav' };

  it('gives risk emotion’s reading of the voice (emotion, baseline deviation, dissonance)', async () => {
    const p = await person(local, ['VOICE_PROCESSING', 'EMOTION_ANALYSIS']);
    const before = peers.requests.length;
    const { data, errors } = await local.request(asUser(p.user), SEND, { input: { conversationId: p.conversationId, audio, clientMessageId: randomUUID() } });
    expect(errors).toBeUndefined();
    const calls = peers.requests.slice(before);
    expect(calls.map((c) => c.service)).toEqual(['privacy', 'emotion', 'risk']); // heard before stored, then risk
    expect(calls[1]!.variables.input).toMatchObject({ userId: p.user, messageId: data.sendMessage.userMessage.id, transcript: null, consents: expect.arrayContaining(['VOICE_PROCESSING']) });
    expect(calls[2]!.variables.input).toMatchObject({ text: '', emotion: 'SAD', emotionConfidence: 0.62, baselineDeviation: 1.8, dissonance: 0.1 });
    expect(data.sendMessage.emotion.id).toEqual(expect.any(String));
    // No words: it says so and listens; the sad voice alone does not decide what the reply says.
    expect(data.sendMessage.reply.text.startsWith(TEMPLATES.voice.wordless.EN)).toBe(true);
    expect(TEMPLATES.feelings.SAD.reflect.EN.some((sentence) => data.sendMessage.reply.text.includes(sentence))).toBe(false);
  });

  it('degrades when emotion is down: the message is kept (its words, if any), the error recorded, the reply says so', async () => {
    const p = await person(local, ['VOICE_PROCESSING', 'EMOTION_ANALYSIS']);
    peers.down.emotion = true;
    try {
      const wordless = await local.request(asUser(p.user), SEND, { input: { conversationId: p.conversationId, audio, clientMessageId: randomUUID() } });
      expect(wordless.errors).toBeUndefined();
      expect(wordless.data.sendMessage).toMatchObject({ emotion: null, userMessage: { text: '' } });
      expect(wordless.data.sendMessage.reply.text.startsWith(TEMPLATES.voice.unavailable.EN)).toBe(true);
      const [row] = await sql<{ turn_errors: string[]; voice: boolean }>(local, 'select turn_errors, voice from message where id = ?', [wordless.data.sendMessage.userMessage.id]);
      expect(row).toEqual({ turn_errors: ['EMOTION_UNAVAILABLE'], voice: true });
      const worded = await local.request(asUser(p.user), SEND, { input: { conversationId: p.conversationId, text: 'Nimechoka sana leo', audio, clientMessageId: randomUUID() } });
      expect(worded.data.sendMessage.userMessage.text).toBe('Nimechoka sana leo');
      expect(worded.data.sendMessage.reply.text).not.toContain(TEMPLATES.voice.unavailable.SW); // it has words to answer
    } finally {
      peers.down.emotion = false;
    }
  });
});

describe('the LLM path', () => {
  it('is used only with EXTERNAL_AI consent, masks personal data and restores it in the reply', async () => {
    const without = await person(external, []);
    const before = llm.requests.length;
    await without.send('My sister Wanjiku is worried about me');
    expect(llm.requests.length).toBe(before);

    const p = await person(external, ['EXTERNAL_AI']);
    const { data } = await p.send('My sister Wanjiku is worried about me');
    expect(llm.requests.length).toBe(before + 1);
    const sent = llm.requests.at(-1)!;
    expect(sent.model).toBe('test-model');
    expect(JSON.stringify(sent)).not.toContain('Wanjiku');
    expect(sent.messages.at(-1)!.content).toBe('My sister [NAME_1] is worried about me');
    expect(data.sendMessage.reply.text).toContain('about Wanjiku');
    const [reply] = await sql<{ source: string }>(external, 'select source from message where id = ?', [data.sendMessage.reply.id]);
    expect(reply!.source).toBe('LLM');
  });

  it('uses an in-country endpoint without EXTERNAL_AI consent (still masked)', async () => {
    const p = await person(inCountry, []);
    const before = llm.requests.length;
    const { data } = await p.send('Call me on 0712 345 678, I am Brian Otieno');
    expect(llm.requests.length).toBe(before + 1);
    expect(llm.raw.at(-1)).not.toMatch(/0712|345 678|Otieno/);
    const [reply] = await sql<{ source: string }>(inCountry, 'select source from message where id = ?', [data.sendMessage.reply.id]);
    expect(reply!.source).toBe('LLM_IN_COUNTRY');
  });

  it('nothing raw leaves: a broad set of personal data through the recording server', async () => {
    const secrets: [string, string][] = [
      ['my friend Achieng Odhiambo', 'Achieng'],
      ['+254 722 123 456', '722 123 456'],
      ['0712-345-678', '345-678'],
      ['+256 772 123456', '772 123456'],
      ['0754 987 654', '987 654'],
      ['+255 655 443 221', '655 443 221'],
      ['amina.k@example.co.ke', 'amina.k@'],
      ['ID number 23456789', '23456789'],
      ['passport AK1234567', 'AK1234567'],
      ['NIN CM90010123456A', 'CM90010123456A'],
      ['NIDA 19900101-12345-00001-23', '19900101'],
      ['M-Pesa code QGH7K2LM9P', 'QGH7K2LM9P'],
      ['born on 12/03/1998', '12/03/1998'],
      ['nilizaliwa tarehe 5 Machi 1995', '5 Machi 1995'],
      ['P.O. Box 1234-00100 Nairobi', '1234-00100'],
      ['I live at Kilimani Road', 'Kilimani Road'],
      ['Jina langu ni Neema Mushi', 'Neema'],
      ['mume wangu Juma', 'Juma'],
    ];
    const p = await person(external, ['EXTERNAL_AI']);
    llm.raw.length = 0;
    for (const [text] of secrets) await p.send(`Please remember: ${text}. I feel stressed.`);
    expect(llm.raw.length).toBe(secrets.length);
    const outbound = llm.raw.join('\n');
    for (const [, secret] of secrets) expect(outbound).not.toContain(secret);
  });

  it('retries, falls back to the local responder, and opens the circuit breaker', async () => {
    const p = await person(external, ['EXTERNAL_AI']);
    const previous = llm.answer;
    llm.answer = () => 500;
    try {
      const before = llm.requests.length;
      const first = await p.send('I am tired of everything at work');
      expect(first.errors).toBeUndefined();
      expect(llm.requests.length).toBe(before + 2); // one attempt, one retry
      const [row] = await sql<{ turn_errors: string[] }>(external, 'select turn_errors from message where id = ?', [first.data.sendMessage.userMessage.id]);
      expect(row!.turn_errors).toContain('LLM_ERROR');
      await p.send('Still tired');
      const afterTwo = llm.requests.length;
      const third = await p.send('Really tired');
      expect(llm.requests.length).toBe(afterTwo); // open: nothing goes out
      const [r3] = await sql<{ turn_errors: string[] }>(external, 'select turn_errors from message where id = ?', [third.data.sendMessage.userMessage.id]);
      expect(r3!.turn_errors).toContain('LLM_CIRCUIT_OPEN');
      expect(third.data.sendMessage.reply.text).toMatch(/\?$/);
    } finally {
      llm.answer = previous;
    }
  });

  it('moderates the model: dosage blocked (local reply instead), uncertain wording queued for review', async () => {
    const p = await person(inCountry, []);
    const previous = llm.answer;
    try {
      llm.answer = () => 'You could take 20 tablets of 500mg paracetamol to sleep. What do you think?';
      const blocked = await p.send('I cannot sleep at all');
      expect(blocked.data.sendMessage.reply.text).not.toMatch(/500mg|tablets/);
      const [b] = await sql<{ action: string; rules: string[]; candidate_ciphertext: Buffer }>(inCountry, 'select * from moderation_decision where reply_id = ?', [blocked.data.sendMessage.reply.id]);
      expect(b).toMatchObject({ action: 'BLOCK', rules: expect.arrayContaining(['DOSAGE_OR_METHOD']) });
      expect(b!.candidate_ciphertext.toString('latin1')).not.toContain('paracetamol');

      llm.answer = () => 'That sounds hard. Keep this between us if you like. What happened?';
      const uncertain = await p.send('Something happened at home');
      const [u] = await sql<{ action: string; review_status: string; review_reasons: string[] }>(inCountry, 'select * from moderation_decision where reply_id = ?', [uncertain.data.sendMessage.reply.id]);
      expect(u).toMatchObject({ action: 'ALLOW', review_status: 'PENDING', review_reasons: ['UNCERTAIN_MODERATION'] });
    } finally {
      llm.answer = previous;
    }
  });
});

describe('the moderation review queue', () => {
  const QUEUE = `{ moderationReviewQueue(first: 100) { id action rules reasons source sentReply candidateReply status verdict } }`;
  const REVIEW = `mutation($id: ID!, $verdict: ModerationVerdict!, $note: String) { reviewModeration(id: $id, verdict: $verdict, note: $note) { id status verdict note reviewedAt } }`;
  const reviewer = asClinician(randomUUID(), SAFETY_TEAM);

  it('shows the safety team crisis replies de-identified, takes one verdict each, and audits it', async () => {
    const p = await person(local, [], 'HIGH');
    const sent = await p.send('Nataka kujiua. Mpigie dada yangu Wanjiku 0712 345 678', { country: 'KE' });
    const [row] = await sql<{ id: string }>(local, 'select id from moderation_decision where reply_id = ?', [sent.data.sendMessage.reply.id]);
    const queue = await local.request(reviewer, QUEUE);
    expect(queue.errors).toBeUndefined();
    const item = queue.data.moderationReviewQueue.find((x: { id: string }) => x.id === row!.id);
    expect(item).toMatchObject({ action: 'ALLOW', reasons: ['CRISIS'], source: 'LOCAL', status: 'PENDING', verdict: null });
    expect(Object.values(HUMAN_NOTICE).some((notice) => item.sentReply.includes(notice))).toBe(true);
    expect(JSON.stringify(queue.data)).not.toMatch(/Wanjiku|0712|kujiua/); // none of the person's words

    const reviewed = await local.request(reviewer, REVIEW, { id: row!.id, verdict: 'CORRECT', note: 'crisis lines present' });
    expect(reviewed.data.reviewModeration).toMatchObject({ status: 'RESOLVED', verdict: 'CORRECT', note: 'crisis lines present', reviewedAt: expect.any(String) });
    expect((await local.request(reviewer, REVIEW, { id: row!.id, verdict: 'UNSAFE_SENT' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await local.request(reviewer, QUEUE)).data.moderationReviewQueue.some((x: { id: string }) => x.id === row!.id)).toBe(false);
    const audit = await sql<{ action: string; actor_user_id: string }>(local, 'select * from audit_log where resource_id = ?', [row!.id]);
    expect(audit).toEqual([expect.objectContaining({ action: 'MODERATION_REVIEWED' })]);
  });

  it('is the safety team’s alone: other clinics, clinicians without MFA and the person are refused', async () => {
    for (const outsider of [asClinician(randomUUID(), randomUUID()), asClinician(randomUUID(), SAFETY_TEAM, { mfa: false }), asUser(randomUUID())]) {
      expect((await local.request(outsider, QUEUE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await local.request(outsider, REVIEW, { id: randomUUID(), verdict: 'CORRECT' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await local.request(reviewer, REVIEW, { id: randomUUID(), verdict: 'CORRECT' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await local.request(reviewer, REVIEW, { id: 'nope', verdict: 'CORRECT' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('offline sync', () => {
  it('replays a batch in recordedAt order, idempotently', async () => {
    const p = await person(local, []);
    const base = Date.now() - 60 * 60_000;
    const t = (m: number) => new Date(base + m * 60_000).toISOString();
    const messages = [
      { clientMessageId: 'off-2', text: 'second, written later', recordedAt: t(2) },
      { clientMessageId: 'off-1', text: 'first, written earlier', recordedAt: t(1) },
      { clientMessageId: 'off-3', text: 'third', recordedAt: t(3) },
    ];
    const first = await local.request(asUser(p.user), SYNC, { input: { conversationId: p.conversationId, messages } });
    expect(first.errors).toBeUndefined();
    expect(first.data.syncMessages.map((r: { userMessage: { clientMessageId: string } }) => r.userMessage.clientMessageId)).toEqual(['off-1', 'off-2', 'off-3']);
    expect(first.data.syncMessages[0].userMessage.createdAt).toBe(t(1));
    const again = await local.request(asUser(p.user), SYNC, { input: { conversationId: p.conversationId, messages: [...messages, { clientMessageId: 'off-4', text: 'new one', recordedAt: t(4) }] } });
    expect(again.data.syncMessages.slice(0, 3)).toEqual(first.data.syncMessages);
    const rows = await sql<{ count: number }>(local, 'select count(*)::int as count from message where conversation_id = ?', [p.conversationId]);
    expect(rows[0]!.count).toBe(8);
    const history = await local.request(asUser(p.user), `query($id: ID!) { conversation(id: $id) { messages(first: 10) { role text } } }`, { id: p.conversationId });
    const userTexts = history.data.conversation.messages.filter((m: { role: string }) => m.role === 'USER').map((m: { text: string }) => m.text);
    expect(userTexts).toEqual(['new one', 'third', 'second, written later', 'first, written earlier']);
  });

  it('refuses a bad batch before storing anything', async () => {
    const p = await person(local, []);
    const bad = await local.request(asUser(p.user), SYNC, {
      input: { conversationId: p.conversationId, messages: [{ clientMessageId: 'a', text: 'ok', recordedAt: new Date().toISOString() }, { clientMessageId: 'b', text: '', recordedAt: new Date().toISOString() }] },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messages[1].text' });
    const rows = await sql<{ count: number }>(local, 'select count(*)::int as count from message where conversation_id = ?', [p.conversationId]);
    expect(rows[0]!.count).toBe(0);
  });
});

describe('history summary', () => {
  it('keeps an encrypted summary per conversation and puts it (masked) into the prompt', async () => {
    const p = await person(inCountry, []);
    await p.send('I have 3 children and school fees are due, my husband Juma lost his job');
    const before = llm.requests.length;
    await p.send('I am so worried');
    const system = llm.requests.slice(before)[0]!.messages[0]!.content;
    expect(system).toContain('has 3 children');
    expect(system).toContain('Topics: school-fees');
    expect(system).not.toContain('Juma');
    const [row] = await sql<{ summary_ciphertext: Buffer }>(inCountry, 'select summary_ciphertext from conversation where id = ?', [p.conversationId]);
    expect(row!.summary_ciphertext.toString('latin1')).not.toContain('children');
  });
});
