import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CloseCode } from 'graphql-ws';
import { createLogger } from '@resona/config';
import { TEST_REDIS_URL as REDIS_URL, requireRedis } from '@resona/testing';
import { risk } from '@resona/risk';
import { startStack, type Stack } from '@resona/stack';
import { startSubgraph } from '@resona/subgraph';
import { login, startTestStack, type TestStack } from '../support/stack.js';
import { accessToken, asServiceAt, claimsOf, collect, dashboard, rawSocket } from '../support/ws.js';

const DEMO_PASSWORD = 'Resona-demo-2026';
const ALERTS = `subscription($c: ID!) { crisisAlerts(clinicId: $c) { id assessment { level user { displayName } } } }`;
const RECORD = `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id } }`;

async function clinician(stack: TestStack) {
  const claims = claimsOf((await login(stack, 'clinician@demo.resona.test', DEMO_PASSWORD)).token);
  return { clinicId: claims.clinicId as string, token: await accessToken(stack, { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, mfa: true }) };
}

const raise = (stack: TestStack, userId: string) =>
  asServiceAt(stack, 'risk', RECORD, { input: { userId, level: 'IMMINENT', score: 0.97, signals: [{ code: 'TEST_SIGNAL', weight: 1, detail: 'test' }] } });


describe('two replicas of every service, sharing Redis', () => {
  let first: TestStack;
  let second: Stack;
  beforeAll(async () => {
    await requireRedis();
    first = await startTestStack({ seed: true, settings: { REDIS_URL } });
    // A second replica of every subgraph and of the gateway, on the same database and Redis.
    second = await startStack(
      { databaseUrl: first.databaseUrl, dataDir: first.settings.DATA_DIR!, ports: 'random', logLevel: 'silent', settings: first.settings },
      createLogger('replica', 'silent'),
    );
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('an alert raised on one replica reaches dashboards on both gateways', async () => {
    const { clinicId, token } = await clinician(first);
    const onFirst = dashboard(first, `Bearer ${token}`);
    const onSecond = dashboard({ ...first, gatewayUrl: second.gatewayUrl }, `Bearer ${token}`);
    const a = collect(onFirst, ALERTS, { c: clinicId });
    const b = collect(onSecond, ALERTS, { c: clinicId });
    await new Promise((r) => setTimeout(r, 400));
    const patient = await login(first, 'patient1@demo.resona.test', DEMO_PASSWORD);
    await raise(first, patient.id);
    await a.until(() => a.results.length === 1);
    await b.until(() => b.results.length === 1);
    expect(b.results[0]!.data!.crisisAlerts).toEqual(a.results[0]!.data!.crisisAlerts);
    expect(a.results[0]!.data!.crisisAlerts.assessment.user.displayName).toBe('Amani');
    await onFirst.dispose();
    await onSecond.dispose();
  });
});

describe('restarts, logout and shutdown', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack?.stop());

  it('a subgraph restarted mid-stream: the gateway resubscribes and the dashboard keeps receiving, without resubscribing', async () => {
    const { clinicId, token } = await clinician(stack);
    const client = dashboard(stack, `Bearer ${token}`);
    const alerts = collect(client, ALERTS, { c: clinicId });
    await new Promise((r) => setTimeout(r, 300));
    const patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
    await raise(stack, patient.id);
    await alerts.until(() => alerts.results.length === 1);

    const port = stack.subgraphs.risk!.running.port;
    await stack.stopSubgraph('risk');
    const restarted = await startSubgraph(risk, {
      ...stack.settings,
      LOG_LEVEL: 'silent',
      PORT: String(port),
      PRIVACY_URL: stack.subgraphs.privacy!.running.url,
    });
    stack.subgraphs.risk = restarted;
    try {
      // The gateway's upstream socket reconnects with backoff; keep raising until one arrives.
      const deadline = Date.now() + 10_000;
      while (alerts.results.length < 2 && Date.now() < deadline) {
        await raise(stack, patient.id);
        await alerts.until(() => alerts.results.length >= 2, 1_000).catch(() => undefined);
      }
      expect(alerts.results.length).toBeGreaterThanOrEqual(2);
      expect(alerts.completed).toBe(false);
    } finally {
      await client.dispose();
      await restarted.stop();
    }
  });

  it('logging out ends the socket', async () => {
    const { data } = await stack.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`, {
      input: { email: 'patient2@demo.resona.test', password: DEMO_PASSWORD },
    });
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${data.login.accessToken}` } });
    await new Promise((r) => setTimeout(r, 200));
    await stack.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: data.login.refreshToken });
    expect(await ws.closed).toEqual({ code: CloseCode.Forbidden, reason: 'Session ended' });
  });
});

describe('gateway shutdown', () => {
  it('completes open subscriptions before closing', async () => {
    const stack = await startTestStack({ seed: true });
    let stopped = false;
    try {
      const { clinicId, token } = await clinician(stack);
      const client = dashboard(stack, `Bearer ${token}`);
      const alerts = collect(client, ALERTS, { c: clinicId });
      await new Promise((r) => setTimeout(r, 300));
      await stack.stop();
      stopped = true;
      await alerts.until(() => alerts.completed, 3_000);
      expect(alerts.failure).toBeUndefined();
      await client.dispose();
    } finally {
      if (!stopped) await stack.stop();
    }
  });
});
