/**
 * The second half of `pnpm bench:turn`: p50/p99 of `sendMessage` through the gateway on the whole
 * stack (all six subgraphs in one process, embedded PostgreSQL under `.data/bench`), local
 * responder, one request at a time: a text turn, and a 5 s voice turn (16 kHz WAV, the device's
 * transcript, as the mobile app sends it) that runs emotion's whole pipeline (decode, Silero VAD,
 * features, ONNX model, fusion, baseline) before the reply.
 * Usage: tsx tests/bench/turn.ts [DATABASE_URL=…] [BENCH_TURNS=100]
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseConfig, z } from '@resona/config';
import { spokenWavBase64 } from '../../subgraphs/emotion/scripts/espeak.js';
import { postGraphQL, startBenchStack } from './stack.js';

const settings = parseConfig(z.object({ DATABASE_URL: z.string().optional(), BENCH_TURNS: z.coerce.number().int().positive().default(100) }));
const TURNS = settings.BENCH_TURNS;
const WARMUP = 10;
const TRANSCRIPT = 'Nimechoka sana leo, lakini niko poa tu. I am fine, really.';
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id voice } reply { text } emotion { source } risk { level } } }`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const report = (name: string, samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} n=${s.length}  p50 ${quantile(s, 0.5).toFixed(1)} ms  p99 ${quantile(s, 0.99).toFixed(1)} ms  max ${s.at(-1)!.toFixed(1)} ms`);
};

const audio = { base64: spokenWavBase64(TRANSCRIPT, 'sw', 5), mimeType: 'audio/wav' };
const stack = await startBenchStack(settings.DATABASE_URL);
try {
  const email = `bench-turn-${randomUUID()}@example.test`;
  const registered = await postGraphQL(stack.gatewayUrl, {
    query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    variables: { input: { email, password: 'a long enough secret', displayName: 'Bench' } },
  });
  const token: string = registered.data.register.accessToken;
  for (const type of ['VOICE_PROCESSING', 'EMOTION_ANALYSIS']) {
    const policy = await postGraphQL(stack.gatewayUrl, { query: 'query($type: ConsentType!) { consentPolicy(type: $type) { version } }', variables: { type } });
    await postGraphQL(stack.gatewayUrl, { query: 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', variables: { input: { type, policyVersion: policy.data.consentPolicy.version } } }, token);
  }
  const conversationId: string = (await postGraphQL(stack.gatewayUrl, { query: 'mutation { startConversation { id } }' }, token)).data.startConversation.id;

  const measure = async (input: Record<string, unknown>, expectSource: string) => {
    const samples: number[] = [];
    for (let i = 0; i < TURNS + WARMUP; i++) {
      const start = performance.now();
      const result = await postGraphQL(stack.gatewayUrl, { query: SEND, variables: { input: { conversationId, clientMessageId: randomUUID(), ...input } } }, token);
      const elapsed = performance.now() - start;
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      if (result.data.sendMessage.emotion?.source !== expectSource) throw new Error(`expected a ${expectSource} reading, got ${JSON.stringify(result.data.sendMessage.emotion)}`);
      if (i >= WARMUP) samples.push(elapsed);
    }
    return samples;
  };
  const text = await measure({ text: TRANSCRIPT }, 'TEXT');
  const voice = await measure({ text: TRANSCRIPT, audio }, 'FUSED');
  const wordless = await measure({ audio }, 'VOICE');
  console.log(`\nsendMessage through the gateway, whole stack in one process, local responder (${TURNS} turns each after ${WARMUP} warm-up; node ${process.version})\n`);
  report('text turn', text);
  report('5 s voice turn + device transcript', voice);
  report('5 s voice turn, no words', wordless);
} finally {
  await stack.stop();
}
