import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CloseCode } from 'graphql-ws';
import { login, startTestStack, type TestStack } from '../support/stack.js';
import { accessToken, asServiceAt, claimsOf, collect, dashboard, rawSocket } from '../support/ws.js';

const DEMO_PASSWORD = 'Resona-demo-2026';
const ALERTS = `subscription($clinicId: ID!) { crisisAlerts(clinicId: $clinicId) { id cursor assessment { level score user { displayName uiConfig { theme } } } } }`;
const READINGS = `subscription($userId: ID!) { emotionReadings(userId: $userId) { id emotion confidence } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id level } }`;
const RECORD_READING = `mutation($input: RecordEmotionReadingInput!) { recordEmotionReading(input: $input) { id } }`;

let stack: TestStack;
let patient: { id: string; token: string };
let nairobi: string;
let mombasa: string;
let clinicianToken: string;
let otherClinicianToken: string;

/** A clinician's token as identity issues it after TOTP (the demo accounts have no authenticator enrolled). */
async function clinicianWithMfa(email: string) {
  const { token } = await login(stack, email, DEMO_PASSWORD);
  const claims = claimsOf(token);
  return { clinicId: claims.clinicId as string, token: await accessToken(stack, { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, mfa: true }) };
}

const raiseAlert = (userId: string, level = 'IMMINENT') =>
  asServiceAt(stack, 'risk', RECORD_ASSESSMENT, {
    input: { userId, level, score: level === 'IMMINENT' ? 0.97 : 0.1, signals: [{ code: 'TEST_SIGNAL', weight: 1, detail: 'raised by a test' }] },
  });

const recordReading = (userId: string) =>
  asServiceAt(stack, 'emotion', RECORD_READING, {
    input: { userId, emotion: 'SAD', source: 'TEXT', scores: [{ emotion: 'SAD', score: 0.7 }, { emotion: 'NEUTRAL', score: 0.3 }], valence: -0.5, arousal: 0.4 },
  });

beforeAll(async () => {
  stack = await startTestStack({ seed: true });
  patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
  const nairobiClinician = await clinicianWithMfa('clinician@demo.resona.test');
  const mombasaClinician = await clinicianWithMfa('clinician2@demo.resona.test');
  nairobi = nairobiClinician.clinicId;
  mombasa = mombasaClinician.clinicId;
  clinicianToken = nairobiClinician.token;
  otherClinicianToken = mombasaClinician.token;
});
afterAll(() => stack?.stop());

describe('crisis alerts through the gateway', () => {
  it('reach the clinic’s dashboard with fields from identity and personalization filled, and no other clinic', async () => {
    const own = dashboard(stack, `Bearer ${clinicianToken}`);
    const other = dashboard(stack, `Bearer ${otherClinicianToken}`);
    const alerts = collect(own, ALERTS, { clinicId: nairobi });
    const otherClinicAlerts = collect(other, ALERTS, { clinicId: mombasa });
    const snooping = collect(other, ALERTS, { clinicId: nairobi });
    await new Promise((r) => setTimeout(r, 300));

    const started = Date.now();
    await raiseAlert(patient.id);
    await alerts.until(() => alerts.results.length === 1);
    const event = alerts.results[0]!;
    expect(event.errors).toBeUndefined();
    expect(event.data!.crisisAlerts.assessment).toMatchObject({ level: 'IMMINENT', user: { displayName: 'Amani', uiConfig: { theme: expect.any(String) } } });
    expect(Date.now() - started).toBeLessThan(2_000);

    await snooping.until(() => snooping.completed || snooping.results.length > 0);
    expect(JSON.stringify(snooping.results.length ? snooping.results : snooping.failure)).toContain('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 300));
    expect(otherClinicAlerts.results).toEqual([]);

    const open = await stack.gql(`query($c: ID!) { openCrisisAlerts(clinicId: $c) { id } }`, { c: nairobi }, clinicianToken);
    expect(open.data.openCrisisAlerts.map((a: { id: string }) => a.id)).toContain(event.data!.crisisAlerts.id);
    await own.dispose();
    await other.dispose();
  });

  it('a stream the patient stops sharing ends, with an error saying why, within a second', async () => {
    const person = await login(stack, 'patient2@demo.resona.test', DEMO_PASSWORD);
    const client = dashboard(stack, `Bearer ${clinicianToken}`);
    const readings = collect(client, READINGS, { userId: person.id });
    const own = dashboard(stack, `Bearer ${person.token}`);
    const ownReadings = collect(own, READINGS, { userId: person.id });
    await new Promise((r) => setTimeout(r, 300));
    await recordReading(person.id);
    await readings.until(() => readings.results.length === 1);
    await ownReadings.until(() => ownReadings.results.length === 1);

    const consents = await stack.gql(`{ me { consents { id type granted } } }`, {}, person.token);
    const sharing = consents.data.me.consents.find((c: { type: string; granted: boolean }) => c.type === 'CLINIC_SHARING' && c.granted);
    const revokedAt = Date.now();
    await stack.gql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: sharing.id }, person.token);
    await readings.until(() => readings.completed, 2_000);
    const elapsed = Date.now() - revokedAt;
    expect(elapsed).toBeLessThan(1_000);
    expect(JSON.stringify(readings.results.at(-1) ?? readings.failure)).toMatch(/consent/i);

    // The person's own stream goes on.
    await recordReading(person.id);
    await ownReadings.until(() => ownReadings.results.length === 2);
    expect(ownReadings.completed).toBe(false);
    await client.dispose();
    await own.dispose();
  });
});

describe('graphql-ws close codes', () => {
  it('4406 without the graphql-transport-ws subprotocol', async () => {
    const { closed } = rawSocket(stack, null);
    expect((await closed).code).toBe(CloseCode.SubprotocolNotAcceptable);
  });

  it('4408 when connection_init does not come in time', async () => {
    const { closed } = rawSocket(stack);
    expect((await closed).code).toBe(CloseCode.ConnectionInitialisationTimeout);
  });

  it('4401 for a subscribe before the connection is acknowledged', async () => {
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ id: '1', type: 'subscribe', payload: { query: ALERTS, variables: { clinicId: nairobi } } });
    expect((await ws.closed).code).toBe(CloseCode.Unauthorized);
  });

  it('4400 for a message that is not the protocol', async () => {
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'nonsense' });
    expect((await ws.closed).code).toBe(CloseCode.BadRequest);
  });

  it('4403 for a bad token in connection_init', async () => {
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } });
    expect((await ws.closed).code).toBe(CloseCode.Forbidden);
  });

  it('4429 for a second connection_init', async () => {
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${clinicianToken}` } });
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${clinicianToken}` } });
    expect((await ws.closed).code).toBe(CloseCode.TooManyInitialisationRequests);
  });

  it('4409 for a second subscription with the same id', async () => {
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${clinicianToken}` } });
    await new Promise((r) => setTimeout(r, 200));
    ws.send({ id: 'same', type: 'subscribe', payload: { query: ALERTS, variables: { clinicId: nairobi } } });
    ws.send({ id: 'same', type: 'subscribe', payload: { query: ALERTS, variables: { clinicId: nairobi } } });
    expect((await ws.closed).code).toBe(CloseCode.SubscriberAlreadyExists);
  });

  it('the same limits as HTTP: an over-deep subscription is refused', async () => {
    const selection = 'user { conversations { messages { conversation { user { conversations { messages { conversation { id } } } } } } } }';
    const client = dashboard(stack, `Bearer ${clinicianToken}`);
    const deep = collect(client, `subscription($c: ID!) { crisisAlerts(clinicId: $c) { assessment { ${selection} } } }`, { c: nairobi });
    await deep.until(() => deep.completed);
    expect(JSON.stringify(deep.failure)).toContain('GRAPHQL_VALIDATION_FAILED');
    await client.dispose();
  });

  it('closes the socket when the access token expires', async () => {
    const claims = claimsOf(clinicianToken);
    const shortLived = await accessToken(stack, { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, mfa: true }, 2);
    const ws = rawSocket(stack);
    await ws.opened;
    ws.send({ type: 'connection_init', payload: { authorization: `Bearer ${shortLived}` } });
    const closed = await ws.closed;
    expect(closed).toEqual({ code: CloseCode.Forbidden, reason: 'Token expired' });
  });
});
