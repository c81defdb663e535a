/**
 * pnpm bench:turn — p50/p99 of a text turn with the local responder: `sendMessage` over HTTP to
 * the conversation subgraph (real PostgreSQL, encryption, audit) with privacy, emotion and risk
 * answered by loopback stand-ins; and the reply engine alone (responder + retrieval + moderation).
 * `tests/bench/turn.ts` (the second half of `pnpm bench:turn`) measures text and 5 s voice turns
 * through the gateway on the whole stack.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { REPO_ROOT, parseConfig, z } from '@resona/config';
import { startEmbeddedPostgres } from '@resona/db';
import { performance } from 'node:perf_hooks';
import { asUser, startTestSubgraph } from '@resona/testing';
import { ReplyEngine } from '../src/domain/engine.js';
import { detectLanguage } from '../src/domain/language.js';
import { emptySummary } from '../src/domain/summary.js';
import { analyseText } from '../src/domain/text-emotion.js';
import { conversation } from '../src/server.js';
import { fakePeers } from '../test/support.js';

const settings = parseConfig(z.object({ DATABASE_URL: z.string().optional(), BENCH_TURNS: z.coerce.number().int().positive().default(300) }));
const TURNS = settings.BENCH_TURNS;
const WARMUP = 20;
const TEXTS = [
  'I have been feeling really tired and stressed about work this week.',
  'Nimechoka sana na nina wasiwasi kuhusu kazi yangu wiki hii.',
  'Maze, nimechoka sana na hii stress ya kazi this week.',
  'My sister Wanjiku says I should call her on 0712 345 678 but I feel so alone.',
  'School fees are due and I do not know what to do.',
];
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const report = (name: string, samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} n=${s.length}  p50 ${quantile(s, 0.5).toFixed(2)} ms  p99 ${quantile(s, 0.99).toFixed(2)} ms  max ${s.at(-1)!.toFixed(2)} ms`);
};

const engine = new ReplyEngine();
const engineSamples: number[] = [];
for (let i = 0; i < TURNS * 5 + WARMUP; i++) {
  const text = TEXTS[i % TEXTS.length]!;
  const start = performance.now();
  await engine.generate({ text, language: detectLanguage(text), emotion: analyseText(text), riskLevel: i % 10 === 0 ? 'HIGH' : 'LOW', country: 'KE', summary: emptySummary(), history: [], externalAiConsent: false });
  if (i >= WARMUP) engineSamples.push(performance.now() - start);
}

// PostgreSQL: DATABASE_URL, or an embedded one under .data/bench-turn.
const embedded = settings.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'bench-turn') });
const peers = await fakePeers();
const subgraph = await startTestSubgraph(
  conversation,
  { PRIVACY_URL: peers.privacyUrl, EMOTION_URL: peers.emotionUrl, RISK_URL: peers.riskUrl, LOG_LEVEL: 'silent' },
  { databaseUrl: settings.DATABASE_URL ?? embedded!.url },
);
const samples: number[] = [];
try {
  const user = randomUUID();
  peers.consents.set(user, ['EMOTION_ANALYSIS']);
  const { data } = await subgraph.request(asUser(user), 'mutation { startConversation { id } }');
  const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } reply { id text } emotion { id } risk { id } } }`;
  for (let i = 0; i < TURNS + WARMUP; i++) {
    const start = performance.now();
    const result = await subgraph.request(asUser(user), SEND, { input: { conversationId: data.startConversation.id, text: TEXTS[i % TEXTS.length], clientMessageId: randomUUID() } });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
} finally {
  await subgraph.stop();
  await peers.close();
  await embedded?.stop();
}
console.log(`Resona text turn, local responder (${TURNS} turns after ${WARMUP} warm-up; node ${process.version})\n`);
report('reply engine alone (in process)', engineSamples);
report('sendMessage over HTTP (DB, crypto, 3 peers)', samples);
