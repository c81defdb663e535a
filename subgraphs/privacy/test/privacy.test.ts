import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Topic, createPubSub } from '@resona/pubsub';
import type { DemoWorld } from '@resona/subgraph';
import { anonymous, asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { POLICIES, privacy } from '../src/server.js';

const VERSION = POLICIES.get('VOICE_PROCESSING')!.version;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) {
  id type granted policyVersion grantedAt revokedAt ipAddress userAgent clinic { id } user { id } cursor
} }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id granted revokedAt } }`;
const CONSENTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id consents { id type granted } } } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(privacy);
});
afterAll(() => subgraph.stop());

const grant = (userId: string, type: string, extra: Record<string, unknown> = {}) =>
  subgraph.request(asUser(userId), GRANT, { input: { type, policyVersion: POLICIES.get(type as never)!.version, ...extra } });
const consentsOf = async (userId: string) =>
  (await subgraph.request(asUser(userId), CONSENTS, { reps: [{ __typename: 'User', id: userId }] })).data._entities[0].consents;

describe('privacy subgraph', () => {
  it('grants, lists newest first and revokes', async () => {
    const user = randomUUID();
    const voice = await grant(user, 'VOICE_PROCESSING');
    expect(voice.errors).toBeUndefined();
    expect(voice.data.grantConsent).toMatchObject({
      type: 'VOICE_PROCESSING', granted: true, policyVersion: VERSION, revokedAt: null, ipAddress: '127.0.0.1', userAgent: 'jest', clinic: null, user: { id: user },
    });
    const clinicId = randomUUID();
    const sharing = await grant(user, 'CLINIC_SHARING', { clinicId });
    expect(sharing.data.grantConsent.clinic).toEqual({ id: clinicId });
    expect((await consentsOf(user)).map((c: { type: string }) => c.type)).toEqual(['CLINIC_SHARING', 'VOICE_PROCESSING']);

    const revoked = await subgraph.request(asUser(user), REVOKE, { id: voice.data.grantConsent.id });
    expect(revoked.data.revokeConsent).toMatchObject({ granted: false });
    expect(revoked.data.revokeConsent.revokedAt).toBeTruthy();
    const twice = await subgraph.request(asUser(user), REVOKE, { id: voice.data.grantConsent.id });
    expect(twice.data.revokeConsent).toEqual(revoked.data.revokeConsent);

    // A new grant after revoking is a new record; an active grant granted again is returned as it is.
    const again = await grant(user, 'VOICE_PROCESSING');
    expect(again.data.grantConsent.id).not.toBe(voice.data.grantConsent.id);
    const replay = await grant(user, 'VOICE_PROCESSING');
    expect(replay.data.grantConsent.id).toBe(again.data.grantConsent.id);
    expect((await consentsOf(user)).map((c: { granted: boolean }) => c.granted)).toEqual([true, true, false]);
  });

  it('announces a revoke once, after it commits, and tells services which clinics a person shares with', async () => {
    const user = randomUUID();
    const [c1, c2] = [randomUUID(), randomUUID()].sort();
    const first = (await grant(user, 'CLINIC_SHARING', { clinicId: c1 })).data.grantConsent.id;
    await grant(user, 'CLINIC_SHARING', { clinicId: c2 });
    const SHARING = `query($userId: ID!) { sharingClinics(userId: $userId) }`;
    expect((await subgraph.request(asService(), SHARING, { userId: user })).data.sharingClinics).toEqual([c1, c2]);
    expect((await subgraph.request(asUser(user), SHARING, { userId: user })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const heard: unknown[] = [];
    const stop = await createPubSub().subscribe(Topic.consentRevoked(user), (message) => heard.push(message));
    await subgraph.request(asUser(user), REVOKE, { id: first });
    await subgraph.request(asUser(user), REVOKE, { id: first });
    await stop();
    expect(heard).toEqual([{ consentId: first, type: 'CLINIC_SHARING', clinicId: c1 }]);
    expect((await subgraph.request(asService(), SHARING, { userId: user })).data.sharingClinics).toEqual([c2]);
  });

  it('refuses a policy version that is not the current one', async () => {
    const { errors } = await grant(randomUUID(), 'RESEARCH', { policyVersion: '2020-01-01' });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'policyVersion' });
  });

  it('requires a clinic for CLINIC_SHARING and refuses one for other types', async () => {
    const user = randomUUID();
    for (const [type, clinicId] of [['CLINIC_SHARING', null], ['CLINIC_SHARING', 'nope'], ['EMOTION_ANALYSIS', randomUUID()]] as const) {
      const { errors } = await grant(user, type, { clinicId });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clinicId' });
    }
    expect(await consentsOf(user)).toEqual([]);
    expect((await subgraph.request(anonymous(), GRANT, { input: { type: 'RESEARCH', policyVersion: VERSION } })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('never lets a person read or revoke another person’s consent', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const bConsent = (await grant(b, 'EXTERNAL_AI')).data.grantConsent.id;
    const revoke = await subgraph.request(asUser(a), REVOKE, { id: bConsent });
    expect(revoke.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await consentsOf(b))[0].granted).toBe(true);

    const read = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Consent { id type } ... on User { consents { id } } } }`;
    for (const rep of [{ __typename: 'Consent', id: bConsent }, { __typename: 'User', id: b }]) {
      const result = await subgraph.request(asUser(a), read, { reps: [rep] });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toContain('EXTERNAL_AI');
    }
    expect((await subgraph.request(asUser(a), REVOKE, { id: 'x' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves every policy publicly in English and Swahili', async () => {
    for (const type of ['VOICE_PROCESSING', 'EMOTION_ANALYSIS', 'EXTERNAL_AI', 'CLINIC_SHARING', 'RESEARCH']) {
      const { data, errors } = await subgraph.request(
        anonymous(),
        `query($type: ConsentType!) { consentPolicy(type: $type) { type version en: text sw: text(language: SW) } }`,
        { type },
      );
      expect(errors).toBeUndefined();
      expect(data.consentPolicy).toMatchObject({ type, version: POLICIES.get(type as never)!.version });
      expect(data.consentPolicy.en).toMatch(/withdraw/);
      expect(data.consentPolicy.sw).toMatch(/kujiondoa/);
    }
  });

  it('resolves consents for an _entities batch of 50 users with one SQL query', async () => {
    const users = Array.from({ length: 50 }, () => randomUUID());
    await grant(users[0]!, 'RESEARCH');
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), CONSENTS, { reps: users.map((id) => ({ __typename: 'User', id })) });
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(50);
    expect(data._entities[0].consents).toHaveLength(1);
    expect(subgraph.orm.queries.count).toBe(1);
    const tooMany = await subgraph.request(asService(), `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { consents(first: 101) { id } } } }`, {
      reps: [{ __typename: 'User', id: users[0] }],
    });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('seeds demo patients’ consents, sharing with Demo Clinic Nairobi, once', async () => {
    const patient = randomUUID();
    const clinicId = randomUUID();
    const world: DemoWorld = {
      clinics: [{ id: randomUUID(), name: 'Other' }, { id: clinicId, name: 'Demo Clinic Nairobi' }],
      users: [
        { id: patient, email: 'p@example.test', displayName: 'Amani', roles: ['PATIENT'], clinicId: null, preferredLanguage: 'SW' },
        { id: randomUUID(), email: 'c@example.test', displayName: 'Dr C', roles: ['CLINICIAN'], clinicId, preferredLanguage: 'EN' },
      ],
      messages: [],
    };
    await privacy.seed!(subgraph.orm, world, {} as never);
    await privacy.seed!(subgraph.orm, world, {} as never);
    const consents = (await subgraph.request(asUser(patient), `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { consents { type granted clinic { id } } } } }`, {
      reps: [{ __typename: 'User', id: patient }],
    })).data._entities[0].consents;
    expect(consents).toHaveLength(3);
    expect(consents.find((c: { type: string }) => c.type === 'CLINIC_SHARING').clinic).toEqual({ id: clinicId });
  });
});
