/**
 * `pnpm bench:gateway`: throughput and latency of a nested query that crosses four subgraphs
 * (identity → conversation → emotion + risk) through the gateway, and of a query sent directly to
 * one subgraph, in one run on the same data. Starts its own stack (embedded PostgreSQL under
 * `.data/bench`, or `DATABASE_URL`), seeds the demo data, and prints the figures.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
 */
import { anonymousPrincipal, importPrivateKey, pemFromConfig, signAccessToken, signInternalToken } from '@resona/auth';
import { parseConfig, z } from '@resona/config';
import { load, printTable } from './load.js';
import { BENCH_DATA_DIR, postGraphQL, startBenchStack } from './stack.js';

const settings = parseConfig(
  z.object({
    DATABASE_URL: z.string().optional(),
    BENCH_SECONDS: z.coerce.number().int().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(16),
  }),
);
const dataDir = BENCH_DATA_DIR;
const stack = await startBenchStack(settings.DATABASE_URL);
const post = postGraphQL;

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

  // The same read as a clinician (public schema) and as the clinic's partner key (partner schema).
  const accessKey = await importPrivateKey(pemFromConfig(undefined, { dataDir, name: 'access-token', part: 'private' }));
  const clinicianLogin = await post(stack.gatewayUrl, {
    query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
    variables: { input: { email: 'clinician@demo.resona.test', password: 'Resona-demo-2026' } },
  });
  const clinician = JSON.parse(Buffer.from(clinicianLogin.data.login.accessToken.split('.')[1], 'base64url').toString()) as { sub: string; clinicId: string };
  const clinicianToken = await signAccessToken(accessKey, { userId: clinician.sub, roles: ['CLINICIAN'], clinicId: clinician.clinicId, sessionId: 'bench', mfa: true });
  const adminToken = await signAccessToken(accessKey, { userId: clinician.sub, roles: ['CLINIC_ADMIN'], clinicId: clinician.clinicId, sessionId: 'bench', mfa: true });
  const created = await post(
    stack.gatewayUrl,
    { query: 'mutation { createApiKey(input: { name: "bench", scopes: [RISK_READ, EMOTION_READ] }) { secret } }' },
    adminToken,
  );
  const partnerKey = created.data.createApiKey.secret as string;
  const patientsQuery = { query: '{ patients { id displayName riskAssessments(first: 5) { level score } } }' };
  for (const [authorization, label] of [[`Bearer ${clinicianToken}`, 'clinician'], [`ApiKey ${partnerKey}`, 'partner']] as const) {
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(patientsQuery) });
    const body = (await response.json()) as { data?: { patients: unknown[] }; errors?: unknown };
    if (!body.data?.patients.length || body.errors) throw new Error(`${label} patients query failed: ${JSON.stringify(body)}`);
  }

  const common = { seconds: settings.BENCH_SECONDS, connections: settings.BENCH_CONNECTIONS };
  const results = [
    await load({ ...common, title: 'gateway: me → conversations → messages → emotion + risk (4 subgraphs)', url: stack.gatewayUrl, body: nested, headers: { authorization: `Bearer ${accessToken}` } }),
    await load({ ...common, title: 'direct: conversation subgraph, conversation → messages', url: stack.subgraphs.conversation!.running.url, body: direct, headers: { authorization: `Bearer ${internalToken}` } }),
    await load({ ...common, title: 'public schema: clinician token, patients → risk (3 subgraphs)', url: stack.gatewayUrl, body: patientsQuery, headers: { authorization: `Bearer ${clinicianToken}` } }),
    await load({ ...common, title: 'partner schema: API key, patients → risk (3 subgraphs)', url: stack.gatewayUrl, body: patientsQuery, headers: { authorization: `ApiKey ${partnerKey}` } }),
  ];
  console.log(`\nResona gateway benchmark — ${settings.BENCH_SECONDS}s per scenario, ${settings.BENCH_CONNECTIONS} connections, ${messageCount} messages per nested response`);
  console.log('All services share one Node.js process (the embedded default); PostgreSQL and the load generator run beside it.\n');
  printTable(results);
  const [, , asClinician, asPartner] = results;
  const cost = 1 - asPartner!.requestsPerSecond / asClinician!.requestsPerSecond;
  console.log(`\npicking the partner schema per request: ${(cost * 100).toFixed(1)}% lower throughput than the same query on the public schema (negative: higher)`);
} finally {
  await stack.stop();
}
