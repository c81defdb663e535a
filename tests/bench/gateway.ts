/**
 * `pnpm bench:gateway`: throughput and latency of a nested query that crosses four subgraphs
 * (identity → conversation → emotion + risk) through the gateway, and of a query sent directly to
 * one subgraph, in one run on the same data. Starts its own stack (embedded PostgreSQL under
 * `.data/bench`, or `DATABASE_URL`), seeds the demo data, and prints the figures.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { anonymousPrincipal, importPrivateKey, pemFromConfig, signInternalToken } from '@resona/auth';
import { REPO_ROOT, createLogger, parseConfig, z } from '@resona/config';
import { startStack } from '@resona/stack';

const settings = parseConfig(
  z.object({
    DATABASE_URL: z.string().optional(),
    BENCH_SECONDS: z.coerce.number().int().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(16),
  }),
);
const dataDir = path.join(REPO_ROOT, '.data', 'bench');
const stack = await startStack({ databaseUrl: settings.DATABASE_URL, dataDir, ports: 'random', logLevel: 'warn', seedWhenEmpty: true }, createLogger('bench', 'warn'));

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

try {
  const login = await post(stack.gatewayUrl, {
    query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
    variables: { input: { email: 'patient1@demo.resona.test', password: 'Resona-demo-2026' } },
  });
  const { accessToken, user } = login.data.login;

  const nested = {
    query: `{ me { displayName conversations(first: 3) { id messages(first: 10) { text emotion { emotion confidence } risk { level score } } } } }`,
  };
  const check = await post(stack.gatewayUrl, nested, accessToken);
  if (check.errors) throw new Error(`benchmark query failed: ${JSON.stringify(check.errors)}`);
  const conversationId = check.data.me.conversations[0].id;
  const messageCount = check.data.me.conversations.reduce((n: number, c: { messages: unknown[] }) => n + c.messages.length, 0);

  const internalKey = await importPrivateKey(pemFromConfig(undefined, { dataDir, name: 'internal-token', part: 'private' }));
  const internalToken = await signInternalToken(internalKey, anonymousPrincipal({ kind: 'user', userId: user.id, roles: ['PATIENT'] }));
  const direct = { query: `query($id: ID!) { conversation(id: $id) { id messages(first: 10) { text } } }`, variables: { id: conversationId } };

  const run = (title: string, url: string, body: unknown, token: string) =>
    autocannon({
      title,
      url,
      method: 'POST',
      duration: settings.BENCH_SECONDS,
      connections: settings.BENCH_CONNECTIONS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  const results = [
    await run('gateway: me → conversations → messages → emotion + risk (4 subgraphs)', stack.gatewayUrl, nested, accessToken),
    await run('direct: conversation subgraph, conversation → messages', stack.subgraphs.conversation!.running.url, direct, internalToken),
  ];
  console.log(`\nResona gateway benchmark — ${settings.BENCH_SECONDS}s per scenario, ${settings.BENCH_CONNECTIONS} connections, ${messageCount} messages per nested response\n`);
  console.log('scenario'.padEnd(72), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8), 'errors'.padStart(7));
  for (const r of results) {
    console.log(
      r.title!.padEnd(72),
      r.requests.average.toFixed(0).padStart(8),
      String(r.latency.p50).padStart(8),
      String(r.latency.p99).padStart(8),
      String(r.non2xx).padStart(8),
      String(r.errors).padStart(7),
    );
  }
} finally {
  await stack.stop();
}
