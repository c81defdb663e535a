/**
 * `pnpm bench:gateway`: throughput and latency of a nested query that crosses four subgraphs
 * (identity → conversation → emotion + risk) through the gateway, and of a query sent directly to
 * one subgraph, in one run on the same data. Starts its own stack (embedded PostgreSQL under
 * `.data/bench`, or `DATABASE_URL`), seeds the demo data, and prints the figures.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
 */
import path from 'node:path';
import { anonymousPrincipal, importPrivateKey, pemFromConfig, signInternalToken } from '@resona/auth';
import { REPO_ROOT, createLogger, parseConfig, z } from '@resona/config';
import { startStack } from '@resona/stack';
import { load, printTable } from './load.js';

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

  const common = { seconds: settings.BENCH_SECONDS, connections: settings.BENCH_CONNECTIONS };
  const results = [
    await load({ ...common, title: 'gateway: me → conversations → messages → emotion + risk (4 subgraphs)', url: stack.gatewayUrl, body: nested, headers: { authorization: `Bearer ${accessToken}` } }),
    await load({ ...common, title: 'direct: conversation subgraph, conversation → messages', url: stack.subgraphs.conversation!.running.url, body: direct, headers: { authorization: `Bearer ${internalToken}` } }),
  ];
  console.log(`\nResona gateway benchmark — ${settings.BENCH_SECONDS}s per scenario, ${settings.BENCH_CONNECTIONS} connections, ${messageCount} messages per nested response`);
  console.log('All services share one Node.js process (the embedded default); PostgreSQL and the load generator run beside it.\n');
  printTable(results);
} finally {
  await stack.stop();
}
