import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '@resona/config';
import { PARTNER_API_SCHEMA_PATH, fieldsOf } from '@resona/stack';
import { postGraphQL } from '@resona/testing';
import { login, startTestStack, type TestStack } from '../support/stack.js';
import { accessToken, asServiceAt, claimsOf, collect, dashboard } from '../support/ws.js';

const DEMO_PASSWORD = 'Resona-demo-2026';
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id scopes } } }`;
const PATIENTS = `{ patients { id displayName riskAssessments { level } emotionReadings { emotion } } }`;

let stack: TestStack;
let nairobi: string;
let mombasa: string;
let nairobiAdmin: string;
let mombasaAdmin: string;

/** A clinic admin's token with MFA done, for the clinic of a demo clinician. */
async function clinicAdmin(email: string) {
  const claims = claimsOf((await login(stack, email, DEMO_PASSWORD)).token);
  return { clinicId: claims.clinicId as string, token: await accessToken(stack, { userId: claims.sub, roles: ['CLINIC_ADMIN'], clinicId: claims.clinicId, mfa: true }) };
}

async function createKey(adminToken: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const { data, errors } = await stack.gql(CREATE_KEY, { input: { name: `test ${scopes.join(' ')}`, scopes } }, adminToken);
  if (errors) throw new Error(JSON.stringify(errors));
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}
const apiKey = async (adminToken: string, scopes: string[]) => (await createKey(adminToken, scopes)).secret;

const asPartner = (key: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, { authorization: `ApiKey ${key}` }, JSON.stringify({ query, variables }));

beforeAll(async () => {
  stack = await startTestStack({ seed: true });
  ({ clinicId: nairobi, token: nairobiAdmin } = await clinicAdmin('clinician@demo.resona.test'));
  ({ clinicId: mombasa, token: mombasaAdmin } = await clinicAdmin('clinician2@demo.resona.test'));
});
afterAll(() => stack?.stop());

describe('the partner schema, chosen per request by API key', () => {
  it('introspects to tagged fields only, and user tokens still see the public schema', async () => {
    const key = await apiKey(nairobiAdmin, ['RISK_READ', 'EMOTION_READ', 'ALERTS_SUBSCRIBE']);
    const query = `{ __schema { types { name kind fields { name } } } }`;
    const partner = await asPartner(key, query);
    const visible = (partner.data.__schema.types as { name: string; kind: string; fields: { name: string }[] | null }[])
      .filter((t) => !t.name.startsWith('__') && t.kind === 'OBJECT')
      .flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(new Set(visible)).toEqual(new Set(fieldsOf(readFileSync(PARTNER_API_SCHEMA_PATH, 'utf8'))));
    for (const hidden of ['Message.text', 'User.email', 'User.conversations', 'User.consents', 'Query.me', 'Mutation.login']) expect(visible).not.toContain(hidden);

    const patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
    const publicView = await stack.gql(query, {}, patient.token);
    expect(JSON.stringify(publicView.data)).toContain('"Message"');
    expect(REPO_ROOT).toBeTruthy();
  });

  it('a hidden field fails validation exactly as if it did not exist', async () => {
    const key = await apiKey(nairobiAdmin, ['RISK_READ']);
    const response = await asPartner(key, `{ patients { id conversations { messages { text } } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.errors?.[0]?.message).toContain('Cannot query field "conversations" on type "User"');
  });

  it('lists only the clinic’s sharing patients; a revoked consent removes a patient at once', async () => {
    const key = await apiKey(nairobiAdmin, ['RISK_READ', 'EMOTION_READ']);
    const before = await asPartner(key, PATIENTS);
    expect(before.errors).toBeUndefined();
    expect(before.data.patients.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Amani', 'Brian', 'Wanjiku']);
    expect(before.data.patients.some((p: { riskAssessments: unknown[] }) => p.riskAssessments.length > 0)).toBe(true);

    const otherKey = await apiKey(mombasaAdmin, ['RISK_READ', 'EMOTION_READ']);
    expect((await asPartner(otherKey, PATIENTS)).data.patients).toEqual([]);

    const patient = await login(stack, 'patient3@demo.resona.test', DEMO_PASSWORD);
    const consents = await stack.gql(`{ me { consents { id type granted } } }`, {}, patient.token);
    const sharing = consents.data.me.consents.find((c: { type: string; granted: boolean }) => c.type === 'CLINIC_SHARING' && c.granted);
    await stack.gql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: sharing.id }, patient.token);
    const after = await asPartner(key, PATIENTS);
    expect(after.data.patients.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Amani', 'Brian']);
  });

  it('scopes narrow further: a key without emotion:read gets FORBIDDEN on readings', async () => {
    const key = await apiKey(nairobiAdmin, ['RISK_READ']);
    const response = await asPartner(key, `{ patients { id riskAssessments { level } emotionReadings { emotion } } }`);
    expect(response.data.patients.length).toBeGreaterThan(0);
    expect(response.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.includes('emotionReadings'))).toBe(true);
    expect(response.data.patients.every((p: { riskAssessments: unknown }) => Array.isArray(p.riskAssessments))).toBe(true);
  });

  it('a partner subscription to crisisAlerts works with the key in connection_init', async () => {
    const key = await apiKey(nairobiAdmin, ['RISK_READ', 'ALERTS_SUBSCRIBE']);
    const client = dashboard(stack, `ApiKey ${key}`);
    const alerts = collect(client, `subscription($c: ID!) { crisisAlerts(clinicId: $c) { id assessment { level user { displayName } } } }`, { c: nairobi });
    await new Promise((r) => setTimeout(r, 300));
    const patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
    await asServiceAt(stack, 'risk', `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id } }`, {
      input: { userId: patient.id, level: 'HIGH', score: 0.7, signals: [{ code: 'TEST_SIGNAL', weight: 1, detail: 'raised by a test' }] },
    });
    await alerts.until(() => alerts.results.length === 1);
    expect(alerts.results[0]!.data!.crisisAlerts.assessment).toMatchObject({ level: 'HIGH', user: { displayName: 'Amani' } });
    const otherKey = await apiKey(mombasaAdmin, ['ALERTS_SUBSCRIBE']);
    const other = dashboard(stack, `ApiKey ${otherKey}`);
    const snooping = collect(other, `subscription($c: ID!) { crisisAlerts(clinicId: $c) { id } }`, { c: nairobi });
    await snooping.until(() => snooping.completed || snooping.results.length > 0);
    expect(JSON.stringify(snooping.results.length ? snooping.results : snooping.failure)).toContain('FORBIDDEN');
    await client.dispose();
    await other.dispose();
    expect(mombasa).not.toBe(nairobi);
  });

  it('every partner read is in the audit log with the key id', async () => {
    const key = await createKey(nairobiAdmin, ['RISK_READ']);
    await asPartner(key.secret, `{ patients { id riskAssessments { level } } }`);
    const rows = await stack.subgraphs.risk!.orm.orm.em.fork().getConnection().execute<{ action: string; resource_type: string }[]>(
      `select action, resource_type from audit_log where actor_kind = 'api_key' and api_key_id = ?`,
      [key.id],
    );
    expect(rows).toEqual(expect.arrayContaining([{ action: 'READ', resource_type: 'RiskAssessment' }]));
  });
});
