import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asService, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { clinicWithAdmin, person, registerPerson, startMailServer, tokenIn, visitor } from './support.js';

let mail: Awaited<ReturnType<typeof startMailServer>>;
let subgraph: TestSubgraph;
let clinic: Awaited<ReturnType<typeof clinicWithAdmin>>;
beforeAll(async () => {
  mail = await startMailServer();
  subgraph = await startTestSubgraph(identity, { SMTP_URL: mail.url });
  clinic = await clinicWithAdmin(subgraph, mail, 'head@clinic.test');
});
afterAll(async () => {
  await subgraph.stop();
  await mail.close();
});

const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes clinic { id } expiresAt revokedAt } } }';
const VERIFY = 'query($key: String!) { verifyApiKey(key: $key) { keyId clinicId scopes } }';
const INVITE = 'mutation($input: InviteClinicianInput!) { inviteClinician(input: $input) }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id roles clinic { id } } } }';

describe('clinics and invitations', () => {
  it('creates the clinic admin through a mailed invitation', () => {
    expect(clinic.accepted.user).toMatchObject({ roles: ['CLINIC_ADMIN'], clinic: { id: clinic.clinicId } });
  });

  it('lets a clinic admin invite a clinician to their own clinic, once per invitation', async () => {
    const otherClinic = randomUUID();
    const invited = await subgraph.request(clinic.principal, INVITE, { input: { email: 'doc@clinic.test', role: 'CLINICIAN', clinicId: otherClinic } });
    expect(invited.data.inviteClinician).toBe(true);
    const token = tokenIn(await mail.waitFor('doc@clinic.test', /invited to Kisumu Wellness/));
    const input = { token, password: 'a clinician passphrase', displayName: 'Dr. Njeri' };
    const accepted = await subgraph.request(visitor(), ACCEPT, { input });
    expect(accepted.data.acceptInvitation.user).toMatchObject({ roles: ['CLINICIAN'], clinic: { id: clinic.clinicId } });
    expect((await subgraph.request(visitor(), ACCEPT, { input })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses invitations that would make an admin or reuse an existing account', async () => {
    const asAdmin = await subgraph.request(clinic.principal, INVITE, { input: { email: 'x@clinic.test', role: 'ADMIN' } });
    expect(asAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    await registerPerson(subgraph, 'existing@clinic.test');
    await subgraph.request(clinic.principal, INVITE, { input: { email: 'existing@clinic.test', role: 'CLINICIAN' } });
    const token = tokenIn(await mail.waitFor('existing@clinic.test', /invited/));
    const accepted = await subgraph.request(visitor(), ACCEPT, { input: { token, password: 'a clinician passphrase', displayName: 'Existing' } });
    expect(accepted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('partner API keys', () => {
  it('creates a key shown once, that the gateway verifies, lists it without secret, rotates and revokes it', async () => {
    const created = await subgraph.request(clinic.principal, CREATE_KEY, { input: { name: 'EMR sync', scopes: ['RISK_READ', 'ALERTS_SUBSCRIBE'] } });
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret).toMatch(new RegExp(`^rsk_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(apiKey).toMatchObject({ name: 'EMR sync', scopes: ['RISK_READ', 'ALERTS_SUBSCRIBE'], clinic: { id: clinic.clinicId }, revokedAt: null });

    const verified = await subgraph.request(asService(), VERIFY, { key: secret });
    expect(verified.data.verifyApiKey).toEqual({ keyId: apiKey.id, clinicId: clinic.clinicId, scopes: ['risk:read', 'alerts:subscribe'] });
    const listed = await subgraph.request(clinic.principal, '{ apiKeys { id name lastUsedAt } }');
    expect(listed.data.apiKeys).toEqual([{ id: apiKey.id, name: 'EMR sync', lastUsedAt: expect.any(String) }]);
    const rows = await subgraph.orm.orm.em.fork().getConnection().execute('select * from identity.api_key');
    expect(JSON.stringify(rows)).not.toContain(secret.split('_')[2]);

    // last_used_at moves at most once a minute.
    const lastUsed = listed.data.apiKeys[0].lastUsedAt;
    await subgraph.request(asService(), VERIFY, { key: secret });
    expect((await subgraph.request(clinic.principal, '{ apiKeys { lastUsedAt } }')).data.apiKeys[0].lastUsedAt).toBe(lastUsed);

    const rotated = (await subgraph.request(clinic.principal, 'mutation($id: ID!) { rotateApiKey(id: $id) { secret apiKey { id } } }', { id: apiKey.id })).data.rotateApiKey;
    expect(rotated.apiKey.id).toBe(apiKey.id);
    expect((await subgraph.request(asService(), VERIFY, { key: secret })).data.verifyApiKey).toBeNull();
    expect((await subgraph.request(asService(), VERIFY, { key: rotated.secret })).data.verifyApiKey.keyId).toBe(apiKey.id);

    const revoked = await subgraph.request(clinic.principal, 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    expect((await subgraph.request(asService(), VERIFY, { key: rotated.secret })).data.verifyApiKey).toBeNull();

    const events = await subgraph.request(person(randomUUID(), ['ADMIN'], { mfa: true }), '{ securityEvents { type } }');
    expect(events.data.securityEvents.map((e: { type: string }) => e.type).slice(0, 3)).toEqual(['API_KEY_REVOKED', 'API_KEY_ROTATED', 'API_KEY_CREATED']);
  });

  it('answers null for unknown, malformed and expired keys', async () => {
    const created = await subgraph.request(clinic.principal, CREATE_KEY, {
      input: { name: 'short-lived', scopes: ['EMOTION_READ'], expiresAt: new Date(Date.now() + 1500).toISOString() },
    });
    const { secret } = created.data.createApiKey;
    expect((await subgraph.request(asService(), VERIFY, { key: secret })).data.verifyApiKey.scopes).toEqual(['emotion:read']);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await subgraph.request(asService(), VERIFY, { key: secret })).data.verifyApiKey).toBeNull();
    for (const key of ['nonsense', `${secret.slice(0, -1)}A`, 'rsk_00000000_' + 'A'.repeat(43)]) {
      expect((await subgraph.request(asService(), VERIFY, { key })).data.verifyApiKey).toBeNull();
    }
  });

  it("keeps each clinic to its own keys", async () => {
    const other = await clinicWithAdmin(subgraph, mail, 'head@other.test');
    const mine = (await subgraph.request(clinic.principal, CREATE_KEY, { input: { name: 'mine', scopes: ['RISK_READ'] } })).data.createApiKey.apiKey;
    const revoke = await subgraph.request(other.principal, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: mine.id });
    expect(revoke.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await subgraph.request(other.principal, '{ apiKeys { id } }')).data.apiKeys).toEqual([]);
    const entity = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on ApiKey { id name } } }';
    const reps = { reps: [{ __typename: 'ApiKey', id: mine.id }] };
    expect((await subgraph.request(other.principal, entity, reps)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.request(clinic.principal, entity, reps)).data._entities[0].name).toBe('mine');
  });
});

describe('rule table', () => {
  const clinicId = randomUUID();
  const roles = {
    visitor: visitor(),
    patient: person(randomUUID()),
    clinician: person(randomUUID(), ['CLINICIAN'], { clinicId, mfa: true }),
    clinicAdminNoMfa: person(randomUUID(), ['CLINIC_ADMIN'], { clinicId }),
    clinicAdmin: person(randomUUID(), ['CLINIC_ADMIN'], { clinicId, mfa: true }),
    adminNoMfa: person(randomUUID(), ['ADMIN']),
    admin: person(randomUUID(), ['ADMIN'], { mfa: true }),
    service: asService(),
  };
  type Who = keyof typeof roles;
  const fields: [string, string, Who[]][] = [
    ['securityEvents', '{ securityEvents { id } }', ['admin']],
    ['createClinic', 'mutation { createClinic(name: "Rule Clinic") { id } }', ['admin']],
    ['inviteClinician', `mutation { inviteClinician(input: { email: "rule@clinic.test", role: CLINICIAN, clinicId: "${randomUUID()}" }) }`, ['clinicAdmin', 'admin']],
    ['apiKeys', '{ apiKeys { id } }', ['clinicAdmin']],
    ['createApiKey', 'mutation { createApiKey(input: { name: "k", scopes: [] }) { secret } }', ['clinicAdmin']],
    ['rotateApiKey', `mutation { rotateApiKey(id: "${randomUUID()}") { secret } }`, ['clinicAdmin']],
    ['revokeApiKey', `mutation { revokeApiKey(id: "${randomUUID()}") { id } }`, ['clinicAdmin']],
    ['verifyApiKey', '{ verifyApiKey(key: "rsk_x") { keyId } }', ['service']],
    ['logoutEverywhere', 'mutation { logoutEverywhere }', ['patient', 'clinician', 'clinicAdminNoMfa', 'clinicAdmin', 'adminNoMfa', 'admin']],
    ['oidcAuthorizationUrl', '{ oidcAuthorizationUrl { url } }', Object.keys(roles) as Who[]],
    ['verifyEmail', 'mutation { verifyEmail(token: "x") }', Object.keys(roles) as Who[]],
  ];
  const denied = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
  /** What the shield answers when a rule refuses (domain errors after the rule say other things). */
  const refusedByRule = (message?: string) => message === 'You are not allowed to do this.' || message === 'You must be signed in.';
  for (const [field, query, allowed] of fields) {
    for (const who of Object.keys(roles) as Who[]) {
      const allow = allowed.includes(who);
      it(`${field}: ${who} is ${allow ? 'allowed' : 'denied'}`, async () => {
        const result = await subgraph.request(roles[who], query);
        const error = result.errors?.[0];
        // Allowed callers get past the rule (their request may still fail on its input).
        if (allow) expect(refusedByRule(error?.message)).toBe(false);
        else expect(denied.has(String(error?.extensions?.code)) && refusedByRule(error?.message)).toBe(true);
      });
    }
  }

  it('lets an ADMIN read who any account is, but nothing else of it', async () => {
    const { user } = await registerPerson(subgraph, 'someone@example.test');
    const query = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email displayName roles } } }';
    const reps = { reps: [{ __typename: 'User', id: user.id }] };
    expect((await subgraph.request(roles.admin, query, reps)).data._entities[0]).toMatchObject({ email: 'someone@example.test', roles: ['PATIENT'] });
    const more = await subgraph.request(roles.admin, 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { mfaEnabled } } }', reps);
    expect(more.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subgraph.request(roles.clinicAdmin, query, reps)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
