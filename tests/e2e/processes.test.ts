/**
 * The supergraph as deployed: every subgraph and the gateway in its own process, hearing each other
 * through Redis. Needs Redis at REDIS_URL (default 127.0.0.1:6379); without it the stack refuses to
 * start and says how to start Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { login, startTestStackProcesses, type AnyTestStack } from '../support/stack.js';
import { accessToken, claimsOf, collect, dashboard } from '../support/ws.js';

const DEMO_PASSWORD = 'Resona-demo-2026';
const ALERTS = `subscription($clinicId: ID!) { crisisAlerts(clinicId: $clinicId) { id assessment { id level user { displayName } } } }`;
const READINGS = `subscription($userId: ID!) { emotionReadings(userId: $userId) { id emotion } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } risk { id level } } }`;

let stack: AnyTestStack;
let clinician: { clinicId: string; token: string };

beforeAll(async () => {
  stack = await startTestStackProcesses();
  const { token } = await login(stack, 'clinician@demo.resona.test', DEMO_PASSWORD);
  const claims = claimsOf(token);
  clinician = { clinicId: claims.clinicId, token: await accessToken(stack, { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, mfa: true }) };
}, 120_000);
afterAll(() => stack?.stop(), 30_000);

describe('one process per service', () => {
  it('runs each service on its own port', () => {
    const ports = [stack.gatewayUrl, ...Object.values(stack.subgraphUrls)].map((url) => new URL(url).port);
    expect(Object.keys(stack.subgraphUrls).sort()).toEqual(['conversation', 'emotion', 'identity', 'personalization', 'privacy', 'risk']);
    expect(new Set(ports).size).toBe(7);
  });

  it('a crisis sent through the gateway reaches the clinic dashboard: conversation → emotion → risk → outbox → gateway, across processes', async () => {
    const patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
    const client = dashboard(stack, `Bearer ${clinician.token}`);
    const alerts = collect(client, ALERTS, { clinicId: clinician.clinicId });
    await new Promise((r) => setTimeout(r, 300));
    const conversation = await stack.gql(`mutation { startConversation { id } }`, {}, patient.token);
    const sent = await stack.gql(SEND, { input: { conversationId: conversation.data.startConversation.id, text: 'Nimeamua kujiua leo usiku, nimeshanunua sumu', clientMessageId: randomUUID() } }, patient.token);
    expect(sent.errors).toBeUndefined();
    expect(['HIGH', 'IMMINENT']).toContain(sent.data.sendMessage.risk.level);
    await alerts.until(() => alerts.results.length > 0);
    expect(alerts.results[0]!.data!.crisisAlerts.assessment).toMatchObject({ id: sent.data.sendMessage.risk.id, user: { displayName: expect.any(String) } });
    await client.dispose();
  });

  it('a consent revoked in privacy ends the clinician’s emotion stream in another process (through Redis)', async () => {
    const person = await login(stack, 'patient2@demo.resona.test', DEMO_PASSWORD);
    const client = dashboard(stack, `Bearer ${clinician.token}`);
    const readings = collect(client, READINGS, { userId: person.id });
    await new Promise((r) => setTimeout(r, 300));
    const consents = await stack.gql(`{ me { consents { id type granted } } }`, {}, person.token);
    const sharing = consents.data.me.consents.find((c: { type: string; granted: boolean }) => c.type === 'CLINIC_SHARING' && c.granted);
    expect(sharing).toBeDefined();
    await stack.gql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: sharing.id }, person.token);
    await readings.until(() => readings.completed, 3_000);
    expect(JSON.stringify(readings.results.at(-1) ?? readings.failure)).toMatch(/consent/i);
    await client.dispose();
  });
});
