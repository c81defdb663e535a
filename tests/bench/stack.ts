import path from 'node:path';
import { REPO_ROOT, createLogger } from '@resona/config';
import { startStack, startStackProcesses } from '@resona/stack';

/** Every benchmark's stack keeps its data (and development keys) here, seeded once. */
export const BENCH_DATA_DIR = path.join(REPO_ROOT, '.data', 'bench');

const UNLIMITED = {
  RATE_LIMIT_PER_IP: '100000000',
  RATE_LIMIT_PER_USER: '100000000',
  RATE_LIMIT_PER_API_KEY: '100000000',
  // Nobody acknowledges a benchmark's escalations: their reminders (still scheduled, one outbox row
  // each) would come due minutes later, pile up in the kept database and run during the next benchmark.
  ESCALATION_REMINDER_MS: String(24 * 3600_000),
  ESCALATION_HIGH_REMINDER_MS: String(24 * 3600_000),
};

/**
 * The whole stack for a benchmark, in one process: embedded PostgreSQL under `BENCH_DATA_DIR` (or `databaseUrl`),
 * demo data, free ports. Rate limits are raised out of the way (they would throttle a load
 * generator on one address, and `bench:auth` measures what they cost), and so are reminders.
 */
export function startBenchStack(databaseUrl: string | undefined) {
  return startStack(
    { databaseUrl, dataDir: BENCH_DATA_DIR, ports: 'random', logLevel: 'warn', seedWhenEmpty: true, settings: UNLIMITED },
    createLogger('bench', 'warn'),
  );
}

/** Posts a GraphQL request (optionally with a bearer token) and returns the parsed body. */
export async function postGraphQL(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

/**
 * The same stack as it runs in production: each service in its own process (using both cores),
 * hearing each other through Redis (`REDIS_URL`, default the machine's 127.0.0.1:6379).
 */
export function startBenchStackProcesses(databaseUrl: string | undefined) {
  return startStackProcesses(
    { databaseUrl, dataDir: BENCH_DATA_DIR, logLevel: 'warn', seedWhenEmpty: true, settings: UNLIMITED, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    createLogger('bench', 'warn'),
  );
}
