import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { bearerToken, generatePemKeyPair, importPublicKey, verifyInternalToken } from '@resona/auth';
import { MFA_REQUIRED_MESSAGE } from '@resona/subgraph';
import { anonymous, asClinician, asPartner, asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';

/**
 * Stands in for privacy's service-only `activeClinicShares`: answers from `shares` (clinic id →
 * people sharing with it), only to callers with a valid `service` token, and counts the calls.
 */
async function startFakePrivacy(publicKeyPem: string) {
  const key = await importPublicKey(publicKeyPem);
  const shares = new Map<string, Set<string>>();
  const state = { calls: 0, down: false, refusedTokens: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      state.calls++;
      const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (state.down) return reply(503, { errors: [{ message: 'down' }] });
      try {
        const principal = await verifyInternalToken(key, bearerToken(req.headers.authorization) ?? '');
        if (principal.kind !== 'service') throw new Error('not a service');
      } catch {
        state.refusedTokens++;
        return reply(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const { query, variables } = JSON.parse(body) as { query: string; variables: { clinicId: string; userIds: string[] } };
      if (!query.includes('activeClinicShares')) return reply(400, { errors: [{ message: 'unexpected query' }] });
      const sharing = shares.get(variables.clinicId) ?? new Set<string>();
      reply(200, { data: { activeClinicShares: variables.userIds.filter((id) => sharing.has(id)) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    state,
    share: (clinicId: string, userId: string) => shares.set(clinicId, new Set([...(shares.get(clinicId) ?? []), userId])),
    revoke: (clinicId: string, userId: string) => shares.get(clinicId)?.delete(userId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;
const entities = (fields: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id ${fields} } } }`;
const NAME = entities('displayName preferredLanguage');

let privacy: Awaited<ReturnType<typeof startFakePrivacy>>;
let subgraph: TestSubgraph;
const clinicA = randomUUID();
const clinicB = randomUUID();
let patient: string;
let sharer: string;

beforeAll(async () => {
  const internalKeys = generatePemKeyPair();
  privacy = await startFakePrivacy(internalKeys.publicKeyPem);
  subgraph = await startTestSubgraph(identity, { PRIVACY_URL: privacy.url }, { internalKeys });
  const register = async (email: string, displayName: string, preferredLanguage: string) =>
    (await subgraph.request(anonymous(), REGISTER, { input: { email, password: 'a long enough secret', displayName, preferredLanguage } })).data.register.user.id as string;
  patient = await register('amani@example.test', 'Amani', 'SW');
  sharer = await register('brian@example.test', 'Brian', 'EN');
  privacy.share(clinicA, patient);
  privacy.share(clinicA, sharer);
});
afterAll(async () => {
  await subgraph.stop();
  await privacy.close();
});
beforeEach(() => {
  privacy.state.down = false;
});

const reps = (...ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'User', id })) });
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe("a patient's name and language for those caring for them", () => {
  const who = {
    clinician: () => asClinician(randomUUID(), clinicA),
    clinicAdmin: () => asClinician(randomUUID(), clinicA, { role: 'CLINIC_ADMIN' }),
    partnerRisk: () => asPartner(clinicA, ['risk:read']),
    partnerEmotion: () => asPartner(clinicA, ['emotion:read']),
  };
  for (const [name, principal] of Object.entries(who)) {
    it(`${name} of a clinic the patient shares with reads displayName and preferredLanguage`, async () => {
      const result = await subgraph.request(principal(), NAME, reps(patient));
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toEqual([{ id: patient, displayName: 'Amani', preferredLanguage: 'SW' }]);
    });
  }

  it('asks privacy once per request, whatever the number of people and fields', async () => {
    const before = privacy.state.calls;
    const result = await subgraph.request(who.clinician(), NAME, reps(patient, sharer));
    expect(result.data._entities.map((u: { displayName: string }) => u.displayName)).toEqual(['Amani', 'Brian']);
    expect(privacy.state.calls - before).toBe(1);
    expect(privacy.state.refusedTokens).toBe(0);
  });

  it.each([
    ['email', 'email'],
    ['roles', 'roles'],
    ['mfaEnabled', 'mfaEnabled'],
    ['emailVerified', 'emailVerified'],
    ['clinic', 'clinic { id }'],
    ['createdAt', 'createdAt'],
  ])('never gives a clinician or partner the %s', async (_name, field) => {
    for (const principal of [who.clinician(), who.partnerRisk()]) {
      const result = await subgraph.request(principal, entities(field), reps(patient));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toContain('amani@example.test');
    }
  });

  it('refuses a clinician without MFA with the MFA message', async () => {
    const result = await subgraph.request(asClinician(randomUUID(), clinicA, { mfa: false }), NAME, reps(patient));
    expect(result.errors?.[0]).toMatchObject({ message: MFA_REQUIRED_MESSAGE, extensions: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(result.data)).not.toContain('Amani');
  });

  it.each([
    ['a clinician of another clinic', () => asClinician(randomUUID(), clinicB)],
    ['a partner key of another clinic', () => asPartner(clinicB, ['risk:read', 'emotion:read'])],
    ['a partner key without risk:read or emotion:read', () => asPartner(clinicA, ['alerts:subscribe'])],
    ['a clinician without a clinic', () => asUser(randomUUID(), ['CLINICIAN'], null, { mfa: true })],
    ['another patient', () => asUser(randomUUID())],
    ['a public caller', () => anonymous()],
  ])('refuses %s', async (_name, principal) => {
    const result = await subgraph.request(principal(), NAME, reps(patient));
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codeOf(result));
    expect(JSON.stringify(result.data)).not.toContain('Amani');
  });

  it('lets the person and services read as before, and an ADMIN only the name', async () => {
    expect((await subgraph.request(asUser(patient), NAME, reps(patient))).data._entities[0].displayName).toBe('Amani');
    expect((await subgraph.request(asService(), NAME, reps(patient))).data._entities[0].preferredLanguage).toBe('SW');
    const admin = asUser(randomUUID(), ['ADMIN'], null, { mfa: true });
    expect((await subgraph.request(admin, entities('displayName'), reps(patient))).data._entities[0].displayName).toBe('Amani');
    expect(codeOf(await subgraph.request(admin, entities('preferredLanguage'), reps(patient)))).toBe('FORBIDDEN');
  });

  it('stops at once when the patient revokes their consent', async () => {
    const revoking = (await subgraph.request(anonymous(), REGISTER, {
      input: { email: 'wanjiku@example.test', password: 'a long enough secret', displayName: 'Wanjiku', preferredLanguage: 'MIXED' },
    })).data.register.user.id as string;
    privacy.share(clinicA, revoking);
    const clinician = who.clinician();
    expect((await subgraph.request(clinician, NAME, reps(revoking))).data._entities[0].displayName).toBe('Wanjiku');
    privacy.revoke(clinicA, revoking);
    for (const principal of [clinician, who.partnerRisk()]) {
      const result = await subgraph.request(principal, NAME, reps(revoking));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toContain('Wanjiku');
    }
  });

  it('refuses (never grants) when privacy cannot answer, while the person still reads their own', async () => {
    privacy.state.down = true;
    const result = await subgraph.request(who.clinician(), NAME, reps(patient));
    // The shared rules fail closed, saying why: privacy could not be asked.
    expect(codeOf(result)).toBe('SUBGRAPH_UNAVAILABLE');
    expect(JSON.stringify(result.data)).not.toContain('Amani');
    expect((await subgraph.request(asUser(patient), NAME, reps(patient))).data._entities[0].displayName).toBe('Amani');
  });

  it('audits each granted read as one READ record per person, and none for refusals', async () => {
    const sql = (query: string) => subgraph.orm.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(query);
    const [{ max }] = (await sql('select coalesce(max(id), 0)::text as max from identity.audit_log')) as [{ max: string }];
    const clinician = asClinician(randomUUID(), clinicA, { requestId: 'read-1' });
    await subgraph.request(clinician, NAME, reps(patient, sharer));
    await subgraph.request(asPartner(clinicA, ['risk:read', 'emotion:read'], 'key-1'), NAME, reps(patient));
    await subgraph.request(asClinician(randomUUID(), clinicB), NAME, reps(patient));
    await subgraph.request(asUser(patient), NAME, reps(patient));
    const rows = await sql(`select * from identity.audit_log where id > ${max} order by id`);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.action === 'READ' && r.resource_type === 'User')).toBe(true);
    expect(rows.slice(0, 2).map((r) => r.subject_user_id).sort()).toEqual([patient, sharer].sort());
    expect(rows[0]).toMatchObject({ actor_kind: 'user', actor_id: clinician.userId, actor_clinic_id: clinicA, request_id: 'read-1' });
    expect(rows[2]).toMatchObject({ actor_kind: 'api_key', api_key_id: 'key-1', actor_clinic_id: clinicA, subject_user_id: patient });
  });
});
