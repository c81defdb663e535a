/**
 * `pnpm bench:auth`: login throughput, access-token verification throughput, and what the
 * gateway's auth and protection layer (token check, rate limits, GraphQL limits, headers, CORS)
 * costs per request: the same public query through the normal gateway with a token, and through
 * a second gateway with protections off and no token, in one run on the same subgraphs.
 *
 * Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importPrivateKey, importPublicKey, pemFromConfig, signAccessToken, verifyAccessToken, VerifiedTokenCache } from '@resona/auth';
import { REPO_ROOT, createLogger, parseConfig, z } from '@resona/config';
import { createGateway, gatewayConfigSchema } from '@resona/gateway';
import { load, printTable } from './load.js';
import { BENCH_DATA_DIR, startBenchStack } from './stack.js';

const settings = parseConfig(
  z.object({
    DATABASE_URL: z.string().optional(),
    BENCH_SECONDS: z.coerce.number().int().positive().default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().positive().default(16),
  }),
);
const dataDir = BENCH_DATA_DIR;
const logger = createLogger('bench', 'warn');
const stack = await startBenchStack(settings.DATABASE_URL);
const urls = Object.fromEntries(Object.values(stack.subgraphs).map((s) => [`${s.name.toUpperCase()}_URL`, s.running.url]));
const bare = await createGateway(
  parseConfig(gatewayConfigSchema, { ...urls, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
  {
    public: readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8'),
    partner: readFileSync(path.join(REPO_ROOT, 'schema', 'supergraph.partner.graphql'), 'utf8'),
  },
  logger,
  { protections: false },
);
const bareRunning = await bare.listen(0);

try {
  const common = { seconds: settings.BENCH_SECONDS, connections: settings.BENCH_CONNECTIONS };
  const loginBody = {
    query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    variables: { input: { email: 'patient1@demo.resona.test', password: 'Resona-demo-2026' } },
  };
  const login = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(loginBody) });
  const accessToken = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;

  // Token verification, in this process: a fresh signature check each time, and the cache hit the gateway normally takes.
  const publicKey = await importPublicKey(pemFromConfig(undefined, { dataDir, name: 'access-token', part: 'public' }));
  const privateKey = await importPrivateKey(pemFromConfig(undefined, { dataDir, name: 'access-token', part: 'private' }));
  const tokens = await Promise.all(
    Array.from({ length: 2000 }, (_, i) => signAccessToken(privateKey, { userId: '00000000-0000-4000-8000-000000000000', roles: ['PATIENT'], clinicId: null, sessionId: String(i) })),
  );
  let started = performance.now();
  for (const token of tokens) await verifyAccessToken(publicKey, token);
  const verifyPerSecond = tokens.length / ((performance.now() - started) / 1000);
  const cache = new VerifiedTokenCache<Awaited<ReturnType<typeof verifyAccessToken>>>();
  await cache.verify(tokens[0]!, (t) => verifyAccessToken(publicKey, t), (c) => c.expiresAtMs!);
  started = performance.now();
  for (let i = 0; i < 100_000; i++) await cache.verify(tokens[0]!, (t) => verifyAccessToken(publicKey, t), (c) => c.expiresAtMs!);
  const cachedPerSecond = 100_000 / ((performance.now() - started) / 1000);

  const policy = { query: '{ consentPolicy(type: RESEARCH) { version } }' };
  const results = [
    await load({ ...common, title: 'login (argon2id verify, session row, token signing)', url: stack.gatewayUrl, body: loginBody }),
    await load({ ...common, title: 'public query, gateway with token + protections', url: stack.gatewayUrl, body: policy, headers: { authorization: `Bearer ${accessToken}` } }),
    await load({ ...common, title: 'public query, gateway without protections or token', url: bareRunning.url, body: policy }),
    await load({ ...common, title: 'public query, gateway with protections, no token', url: stack.gatewayUrl, body: policy }),
    await load({ ...common, title: 'public query, gateway without protections, with token', url: bareRunning.url, body: policy, headers: { authorization: `Bearer ${accessToken}` } }),
  ];
  console.log(`\nResona auth benchmark — ${settings.BENCH_SECONDS}s per scenario, ${settings.BENCH_CONNECTIONS} connections; all services in one Node.js process\n`);
  printTable(results);
  const [, withLayer, withoutLayer] = results;
  const overhead = 1 - withLayer!.requestsPerSecond / withoutLayer!.requestsPerSecond;
  console.log(`\naccess-token verification: ${verifyPerSecond.toFixed(0)}/s (signature checked), ${cachedPerSecond.toFixed(0)}/s (verified-token cache hit)`);
  console.log(`auth + protection layer: ${(overhead * 100).toFixed(1)}% of gateway throughput on this query`);
} finally {
  await bareRunning.close();
  await stack.stop();
}
