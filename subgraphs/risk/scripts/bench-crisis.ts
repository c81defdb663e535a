/**
 * `pnpm bench:crisis`: assessments per second, and latency from a person's `sendMessage` through
 * the gateway (the whole turn: consent, emotion, risk, reply) to the crisis alert arriving on a
 * clinic dashboard subscribed to `crisisAlerts` THROUGH THE GATEWAY (graphql-ws, clinician with
 * MFA), over the outbox relay. Also the `assessMessage` service call alone. Without the LLM layer.
 *
 * Starts the benchmarks' stack (`tests/bench/stack.ts`: embedded PostgreSQL under `.data/bench`, or `DATABASE_URL`) with the demo data,
 * every service in one process as `pnpm start` runs it. BENCH_PROCESSES=1 runs each service in its own
 * process instead, as deployed, hearing each other through Redis (`REDIS_URL`, default 127.0.0.1:6379):
 * on this two-core machine that is no faster (seven V8 heaps and more context switches for the same two cores).
 * Options (env): BENCH_ASSESSMENTS (default 1000: about 520 alerts, so p99 is not just the second-slowest),
 * BENCH_CONCURRENCY (default 4), BENCH_CRISIS_SHARE (share of messages that are HIGH/IMMINENT, default 0.5).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as auth from '@resona/auth';
import { BENCH_DATA_DIR, postGraphQL as post, startBenchStack, startBenchStackProcesses } from '../../../tests/bench/stack.js';
import { detect } from '../src/detection/combine.js';
import { loadLexicon } from '../src/detection/lexicon.js';
import { loadEvalSet } from '../src/detection/evaluate.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The WebSocket client is the tests workspace's dependency (risk does not depend on it).
const fromTests = createRequire(path.join(REPO, 'tests/package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = async (name: string): Promise<any> => import(pathToFileURL(fromTests.resolve(name)).href);

const ASSESS = `mutation($input: AssessMessageInput!) { assessMessage(input: $input) { id level } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { risk { id level } } }`;
const ALERTS = `subscription($clinicId: ID!) { crisisAlerts(clinicId: $clinicId) { id assessment { id level } } }`;
const now = () => performance.now();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const N = Number(process.env.BENCH_ASSESSMENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const CRISIS_SHARE = Number(process.env.BENCH_CRISIS_SHARE ?? 0.5);

// 1. The detector alone (lexicon + signals), in-process.
const lexicon = loadLexicon();
const items = loadEvalSet();
const crisisTexts = items.filter((i) => i.label === 'HIGH' || i.label === 'IMMINENT').map((i) => i.text);
const calmTexts = items.filter((i) => i.label === 'NONE' || i.label === 'LOW').map((i) => i.text);
{
  const started = now();
  let n = 0;
  while (now() - started < 2000) detect(lexicon, { text: items[n++ % items.length]!.text });
  console.log(`detector alone: ${Math.round(n / ((now() - started) / 1000))} messages/s (lexicon + signals, one core)`);
}

// 2. The whole path through the stack.
const { createClient } = await load('graphql-ws');
const { default: WebSocket } = await load('ws');

const dataDir = BENCH_DATA_DIR;
const processes = process.env.BENCH_PROCESSES === '1';
const stack = processes ? await startBenchStackProcesses(process.env.DATABASE_URL) : await startBenchStack(process.env.DATABASE_URL);
try {
  const login = async (email: string) => {
    const r = await post(stack.gatewayUrl, { query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }', variables: { i: { email, password: 'Resona-demo-2026' } } });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.login as { accessToken: string; user: { id: string } };
  };
  const clinician = await login('clinician@demo.resona.test');
  const claims = JSON.parse(Buffer.from(clinician.accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, any>;
  const accessKey = await auth.importPrivateKey(auth.pemFromConfig(undefined, { dataDir, name: 'access-token', part: 'private' }));
  const clinicianToken = await auth.signAccessToken(accessKey, { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, sessionId: String(claims.sid ?? 'bench'), mfa: true }, 3600);
  const patient = await login('patient1@demo.resona.test');
  const internalKey = await auth.importPrivateKey(auth.pemFromConfig(undefined, { dataDir, name: 'internal-token', part: 'private' }));
  // Internal tokens live 60 s, as between the services; the assess phase starts after the turns, so it signs its own.
  let serviceToken = '';
  const riskUrl = stack.subgraphUrls.risk!;

  const conversationId: string = (await post(stack.gatewayUrl, { query: 'mutation { startConversation { id } }' }, patient.accessToken)).data.startConversation.id;

  // Alerts are matched to messages by assessment id; an alert may arrive before its sendMessage answers.
  const arrived = new Map<string, number>();
  const eventErrors: string[] = [];
  const sentAt = new Map<string, number>();
  let heard: (() => void) | null = null;
  const client = createClient({ url: stack.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${clinicianToken}` } });
  client.subscribe(
    { query: ALERTS, variables: { clinicId: claims.clinicId } },
    {
      next: (result: { data?: { crisisAlerts: { assessment: { id: string } } }; errors?: unknown[] }) => {
        // An event that arrives with errors is an alert the dashboard could not show: say so.
        if (result.errors) eventErrors.push(JSON.stringify(result.errors));
        const id = result.data?.crisisAlerts.assessment.id;
        if (id) arrived.set(id, now());
        heard?.();
      },
      error: (e: unknown) => console.error('subscription error', e),
      complete: () => {},
    },
  );
  const turnMs: number[] = [];
  const send = async (text: string) => {
    const t0 = now();
    const r = await post(stack.gatewayUrl, { query: SEND, variables: { input: { conversationId, text, clientMessageId: randomUUID() } } }, patient.accessToken);
    turnMs.push(now() - t0);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const risk = r.data.sendMessage.risk as { id: string; level: string } | null;
    if (risk) sentAt.set(risk.id, t0);
    return risk;
  };
  const assessCallMs: number[] = [];
  const assess = async (text: string) => {
    const t0 = now();
    const r = await post(riskUrl, { query: ASSESS, variables: { input: { userId: patient.user.id, messageId: randomUUID(), text } } }, serviceToken);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    assessCallMs.push(now() - t0);
    return r.data.assessMessage as { id: string; level: string };
  };
  // Warm up until the dashboard hears an alert (graphql-ws has no "subscribed" acknowledgement).
  for (let i = 0; arrived.size === 0; i++) {
    if (i > 50) throw new Error('the dashboard never received an alert');
    await send('Nataka kujiua leo');
    await new Promise<void>((r) => ((heard = r), setTimeout(r, 300)));
  }
  arrived.clear();
  sentAt.clear();
  turnMs.length = 0;

  const textFor = (i: number) => {
    const pool = (i * 7919) % 100 < CRISIS_SHARE * 100 ? crisisTexts : calmTexts;
    return pool[i % pool.length]!;
  };
  const run = async (call: (text: string) => Promise<{ level: string } | null>) => {
    let next = 0;
    let alerting = 0;
    const t0 = now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          const result = await call(textFor(next++));
          if (result?.level === 'HIGH' || result?.level === 'IMMINENT') alerting++;
        }
      }),
    );
    return { perSecond: N / ((now() - t0) / 1000), alerting };
  };

  const turns = await run(send);
  const deadline = Date.now() + 10_000;
  while (arrived.size < turns.alerting && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const latencies = [...sentAt].flatMap(([id, t0]) => (arrived.has(id) ? [arrived.get(id)! - t0] : [])).sort((a, b) => a - b);
  serviceToken = await auth.signInternalToken(internalKey, auth.anonymousPrincipal({ kind: 'service' }));
  const service = await run(assess);
  const calls = [...assessCallMs].sort((a, b) => a - b);

  console.log(`\nResona crisis benchmark: ${N} messages (${CONCURRENCY} at a time, ${Math.round(CRISIS_SHARE * 100)}% crisis texts), one dashboard subscribed through the gateway`);
  console.log(processes ? 'stack: each service in its own process (BENCH_PROCESSES=1, as deployed), Redis between them' : 'stack: every service in one process (as `pnpm start`)');
  console.log(`sendMessage turns/s through the gateway (consent, emotion, risk, reply): ${turns.perSecond.toFixed(1)}`);
  console.log(`alerts expected / received on the dashboard: ${turns.alerting} / ${latencies.length}`);
  if (eventErrors.length) console.log(`alert events with errors: ${eventErrors.length}, e.g. ${eventErrors[0]}`);
  console.log(`sendMessage → alert on dashboard: p50 ${pct(latencies, 50).toFixed(1)} ms  p95 ${pct(latencies, 95).toFixed(1)} ms  p99 ${pct(latencies, 99).toFixed(1)} ms  max ${latencies.at(-1)?.toFixed(1)} ms  (target p99 < 250 ms)`);
  const turnsSorted = [...turnMs].sort((a, b) => a - b);
  console.log(`sendMessage (the whole turn, reply included): p50 ${pct(turnsSorted, 50).toFixed(1)} ms  p99 ${pct(turnsSorted, 99).toFixed(1)} ms`);
  console.log(`assessments/s, assessMessage service call alone (privacy asked, stored, escalation + outbox in one transaction): ${service.perSecond.toFixed(1)}`);
  console.log(`assessMessage call alone: p50 ${pct(calls, 50).toFixed(1)} ms  p99 ${pct(calls, 99).toFixed(1)} ms`);
  await client.dispose();
} finally {
  await stack.stop();
}
