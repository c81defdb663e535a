import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_REDIS_URL as REDIS_URL, requireRedis, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { LOGIN_FAILURES_PER_EMAIL, LOGIN_FAILURES_PER_IP } from '../src/domain/lockout.js';
import { LOGIN, PASSWORD, person, registerPerson, visitor } from './support.js';

const EVENTS = 'query($type: SecurityEventType, $after: String) { securityEvents(type: $type, first: 50, after: $after) { type userId emailHash ip detail cursor } }';
const admin = person(randomUUID(), ['ADMIN'], { mfa: true });

const attempt = (subgraph: TestSubgraph, email: string, password: string, ip: string | null = null) =>
  subgraph.request(visitor(ip), LOGIN, { input: { email, password } });

async function lockOut(subgraph: TestSubgraph, email: string, ip: string | null = null) {
  for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
    expect((await attempt(subgraph, email, 'wrong password!!', ip)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
}

describe('login lockout in memory', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(identity);
  });
  afterAll(() => subgraph.stop());

  it(`locks an email after ${LOGIN_FAILURES_PER_EMAIL} failures, even for the right password, and records it`, async () => {
    const { user } = await registerPerson(subgraph, 'locked@example.test');
    await lockOut(subgraph, 'locked@example.test');
    const locked = await attempt(subgraph, 'locked@example.test', PASSWORD);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.data).toBeNull();
    // An unknown email locks the same way (nothing tells which emails exist).
    await lockOut(subgraph, 'ghost@example.test');
    expect((await attempt(subgraph, 'ghost@example.test', PASSWORD)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const lockouts = (await subgraph.request(admin, EVENTS, { type: 'LOCKOUT' })).data.securityEvents;
    expect(lockouts.map((e: { userId: string | null }) => e.userId)).toEqual([null, user.id]);
    const failures = (await subgraph.request(admin, EVENTS, { type: 'FAILED_LOGIN' })).data.securityEvents;
    expect(failures).toHaveLength(2 * LOGIN_FAILURES_PER_EMAIL);
    expect(JSON.stringify(failures)).not.toContain('locked@example.test');
  });

  it('forgets failures after a successful login', async () => {
    await registerPerson(subgraph, 'forgetful@example.test');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL - 1; i++) await attempt(subgraph, 'forgetful@example.test', 'wrong password!!');
      expect((await attempt(subgraph, 'forgetful@example.test', PASSWORD)).data.login.user.id).toBeTruthy();
    }
  });

  it(`locks an IP address after ${LOGIN_FAILURES_PER_IP} failures across emails`, async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i++) await attempt(subgraph, `spray${i}@example.test`, 'wrong password!!', ip);
    expect((await attempt(subgraph, 'fresh@example.test', 'wrong password!!', ip)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await attempt(subgraph, 'fresh@example.test', 'wrong password!!', '198.51.100.8')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('limits password-reset requests per email, the same for any email', async () => {
    const ask = (email: string) => subgraph.request(visitor(), 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email });
    for (let i = 0; i < 5; i++) expect((await ask('nobody-reset@example.test')).data.requestPasswordReset).toBe(true);
    expect((await ask('nobody-reset@example.test')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('shows security events to admins with MFA only, newest first, page by page', async () => {
    for (const principal of [person(randomUUID(), ['ADMIN']), person(randomUUID(), ['CLINIC_ADMIN'], { mfa: true, clinicId: randomUUID() }), person(randomUUID(), ['PATIENT'], { mfa: true })]) {
      expect((await subgraph.request(principal, EVENTS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await subgraph.request(visitor(), EVENTS)).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const first = (await subgraph.request(admin, 'query { securityEvents(first: 3) { type cursor } }')).data.securityEvents;
    expect(first).toHaveLength(3);
    const next = (await subgraph.request(admin, EVENTS, { after: first[2].cursor })).data.securityEvents;
    expect(next.map((e: { cursor: string }) => e.cursor)).not.toContain(first[2].cursor);
  });
});

describe('login lockout in Redis', () => {
  const subgraphs: TestSubgraph[] = [];
  beforeAll(async () => {
    await requireRedis();
    // Two replicas with their own databases share one Redis: a lock on one holds on the other.
    subgraphs.push(await startTestSubgraph(identity, { REDIS_URL }), await startTestSubgraph(identity, { REDIS_URL }));
  });
  afterAll(() => Promise.all(subgraphs.map((s) => s.stop())));

  it('shares the lock between replicas', async () => {
    const email = `redis-${randomUUID()}@example.test`;
    await lockOut(subgraphs[0]!, email);
    const locked = await attempt(subgraphs[1]!, email, PASSWORD);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it('resets the counter on success', async () => {
    const email = `redis-ok-${randomUUID()}@example.test`;
    await registerPerson(subgraphs[0]!, email);
    for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL - 1; i++) await attempt(subgraphs[0]!, email, 'wrong password!!');
    expect((await attempt(subgraphs[0]!, email, PASSWORD)).data.login).toBeTruthy();
    for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL - 1; i++) await attempt(subgraphs[0]!, email, 'wrong password!!');
    expect((await attempt(subgraphs[0]!, email, PASSWORD)).data.login).toBeTruthy();
  });
});
