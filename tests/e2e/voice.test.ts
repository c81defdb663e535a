import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '@resona/testing';
import { spokenWavBase64 } from '../../subgraphs/emotion/scripts/espeak.js';
import { encodeWav } from '../../subgraphs/emotion/src/audio/wav.js';
import { TEMPLATES } from '../../subgraphs/conversation/src/domain/responder.js';
import { MAX_AUDIO_BYTES } from '../../subgraphs/conversation/src/domain/voice.js';
import { registerPerson, startTestStack, type TestStack } from '../support/stack.js';

/** Voice turns through the gateway: the real conversation, emotion (Silero VAD, ONNX model), privacy and risk subgraphs. */

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  userMessage { id text voice }
  reply { text }
  emotion { emotion confidence source }
  risk { level }
} }`;
const STT_TEXT = 'I am so tired of everything, I cannot sleep.';

// An OpenAI-compatible transcription endpoint on loopback (the only part that is not ours).
const sttCalls: string[] = [];
const stt = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    sttCalls.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: STT_TEXT }));
  });
});

let stack: TestStack;
let speech: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => stt.listen(0, '127.0.0.1', resolve));
  const sttUrl = `http://127.0.0.1:${(stt.address() as AddressInfo).port}/v1`;
  speech = spokenWavBase64('I am fine, really. Everything is okay with me today.', 'en-us');
  stack = await startTestStack({ settings: { STT_BASE_URL: sttUrl, STT_MODEL: 'whisper-test', STT_API_KEY: 'sk-test' } });
});
afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => stt.close(resolve));
});

/** A new person with these consents and a conversation; `send` posts one message. */
async function person(consents: string[]) {
  const { token } = await registerPerson(stack, `voice-${randomUUID()}@example.test`);
  for (const type of consents) {
    const policy = (await stack.gql(`query($type: ConsentType!) { consentPolicy(type: $type) { version } }`, { type })).data.consentPolicy;
    const granted = await stack.gql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, { input: { type, policyVersion: policy.version } }, token);
    expect(granted.errors).toBeUndefined();
  }
  const conversationId: string = (await stack.gql('mutation { startConversation { id } }', {}, token)).data.startConversation.id;
  return {
    token,
    conversationId,
    send: (input: Record<string, unknown>) => stack.gql(SEND, { input: { conversationId, clientMessageId: randomUUID(), ...input } }, token),
    messages: async () => (await stack.gql(`query($id: ID!) { conversation(id: $id) { messages { text role voice } } }`, { id: conversationId }, token)).data.conversation.messages,
  };
}

const wav = (base64: string) => ({ base64, mimeType: 'audio/wav' });
const HEARD = ['VOICE_PROCESSING', 'EMOTION_ANALYSIS'];

describe('voice messages through the gateway', () => {
  it('reads the voice and the device transcript into one FUSED reading; the transcript is the message', async () => {
    const p = await person(HEARD);
    const { data, errors } = await p.send({ text: 'I am fine, really', audio: wav(speech) });
    expect(errors).toBeUndefined();
    expect(data.sendMessage.userMessage).toMatchObject({ text: 'I am fine, really', voice: true });
    expect(data.sendMessage.emotion).toMatchObject({ source: 'FUSED', emotion: expect.any(String) });
    expect(data.sendMessage.emotion.confidence).toBeGreaterThan(0);
    expect(data.sendMessage.risk.level).toBe('NONE');
    expect(data.sendMessage.reply.text.length).toBeGreaterThan(20);
  });

  it('without words and without EXTERNAL_AI: a VOICE reading, an empty text, and a reply that says it heard no words', async () => {
    const p = await person(HEARD);
    const calls = sttCalls.length;
    const { data, errors } = await p.send({ audio: wav(speech) });
    expect(errors).toBeUndefined();
    expect(data.sendMessage.userMessage).toMatchObject({ text: '', voice: true });
    expect(data.sendMessage.emotion.source).toBe('VOICE');
    expect(data.sendMessage.reply.text.startsWith(TEMPLATES.voice.wordless.EN)).toBe(true);
    expect(sttCalls.length).toBe(calls); // nothing left for speech to text without consent
  });

  it('with EXTERNAL_AI, speech to text writes the words: they are stored, read and answered', async () => {
    const p = await person([...HEARD, 'EXTERNAL_AI']);
    const calls = sttCalls.length;
    const { data, errors } = await p.send({ audio: wav(speech) });
    expect(errors).toBeUndefined();
    expect(sttCalls.slice(calls)).toEqual(['/v1/audio/transcriptions']);
    expect(data.sendMessage.userMessage).toMatchObject({ text: STT_TEXT, voice: true });
    expect(data.sendMessage.emotion.source).toBe('FUSED');
    expect(await p.messages()).toEqual(expect.arrayContaining([{ text: STT_TEXT, role: 'USER', voice: true }]));
  });

  it('without VOICE_PROCESSING the audio is not processed: no reading, and the reply says why', async () => {
    const p = await person(['EMOTION_ANALYSIS', 'EXTERNAL_AI']);
    const calls = sttCalls.length;
    const { data, errors } = await p.send({ audio: wav(speech) });
    expect(errors).toBeUndefined();
    expect(data.sendMessage).toMatchObject({ userMessage: { text: '', voice: true }, emotion: null });
    expect(data.sendMessage.reply.text.startsWith(TEMPLATES.voice.notHeard.EN)).toBe(true);
    expect(sttCalls.length).toBe(calls);
  });

  it.each([
    ['a truncated header', () => Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1').toString('base64'), 'audio/wav', 'TRUNCATED'],
    ['an mp3 mime type', () => speech, 'audio/mpeg', 'UNSUPPORTED_MIME_TYPE'],
    ['two seconds of silence', () => encodeWav(new Float32Array(32000), 16000).toString('base64'), 'audio/wav', 'SILENT'],
    ['bytes that are not a WAV', () => Buffer.alloc(4000, 7).toString('base64'), 'audio/wav', 'NOT_WAV'],
    ['more than 2 MiB', () => Buffer.alloc(MAX_AUDIO_BYTES + 1024).toString('base64'), 'audio/wav', 'TOO_LARGE'],
  ])('refuses %s with BAD_USER_INPUT and a reason, storing nothing', async (_name, base64, mimeType, reason) => {
    const p = await person(HEARD);
    const { data, errors } = await p.send({ audio: { base64: base64(), mimeType } });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'audio', reason });
    expect(JSON.stringify(errors)).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(await p.messages()).toEqual([]);
  });

  it('needs words or audio', async () => {
    const p = await person(HEARD);
    const { errors } = await p.send({});
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('accepts a voice-sized body only from a signed-in person', async () => {
    const body = JSON.stringify({ query: SEND, variables: { input: { conversationId: randomUUID(), clientMessageId: 'x', audio: wav('A'.repeat(1024 * 1024)) } } });
    const anonymous = await postGraphQL(stack.gatewayUrl, {}, body);
    expect(anonymous.status).toBe(413);
    const p = await person([]);
    const signedIn = await postGraphQL(stack.gatewayUrl, { authorization: `Bearer ${p.token}` }, body);
    expect(signedIn.status).toBe(200);
    expect(signedIn.errors![0]!.extensions!.code).toBe('NOT_FOUND'); // read, and refused by the domain, not the body limit
  });
});
