/**
 * Live emotion streams over real graphql-ws sockets, with the real privacy subgraph: a revoked
 * consent ends a clinician's stream within a second while the person's own stream goes on.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POLICIES, privacy } from '@resona/privacy';
import { MFA_REQUIRED_MESSAGE } from '@resona/subgraph';
import { asClinician, asPartner, asService, asUser, firstResult, startTestSubgraphs, type TestSubgraph, type TestSubscription } from '@resona/testing';
import { emotion } from '../src/server.js';
import { CONSENT_WITHDRAWN_MESSAGE } from '@resona/subgraph';

const STREAM = `subscription($userId: ID!) { emotionReadings(userId: $userId) { id emotion valence createdAt cursor user { id } } }`;
const RECORD = `mutation($input: RecordEmotionReadingInput!) { recordEmotionReading(input: $input) { id } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id granted } }`;

const C = randomUUID();
const clinician = asClinician(randomUUID(), C);

let subgraphs: Record<string, TestSubgraph>;
let stopAll: () => Promise<void>;
const sg = () => subgraphs.emotion!;

/** A reading recorded as conversation would (a service call); returns its id. */
async function record(userId: string): Promise<string> {
  const { data, errors } = await sg().request(asService(), RECORD, {
    input: { userId, emotion: 'SAD', scores: [{ emotion: 'SAD', score: 0.7 }, { emotion: 'NEUTRAL', score: 0.3 }], valence: -0.6, arousal: 0.4, source: 'TEXT' },
  });
  expect(errors).toBeUndefined();
  return data.recordEmotionReading.id;
}

/** A person who shares with clinic C; returns the consent's id. */
async function sharingPatient(userId: string): Promise<string> {
  const { data, errors } = await subgraphs.privacy!.request(asUser(userId), GRANT, {
    input: { type: 'CLINIC_SHARING', clinicId: C, policyVersion: POLICIES.get('CLINIC_SHARING')!.version },
  });
  expect(errors).toBeUndefined();
  return data.grantConsent.id;
}

/** Reads whatever is already waiting (readings from earlier triggers). */
async function drain(subscription: TestSubscription) {
  while ((await subscription.nextWithin(300)) !== 'timeout');
}

beforeAll(async () => {
  ({ subgraphs, stopAll } = await startTestSubgraphs([privacy, emotion]));
});
afterAll(() => stopAll());

describe('emotionReadings', () => {
  it("ends a clinician's stream with FORBIDDEN within a second of the revoke; the person's own goes on", async () => {
    const patient = randomUUID();
    const consentId = await sharingPatient(patient);
    const mine = sg().subscribe(asUser(patient), STREAM, { userId: patient });
    const theirs = sg().subscribe(clinician, STREAM, { userId: patient });

    const own = await firstResult(mine, () => record(patient));
    expect(own.errors).toBeUndefined();
    expect(own.data.emotionReadings).toMatchObject({ emotion: 'SAD', valence: -0.6, user: { id: patient } });
    const seen = await firstResult(theirs, () => record(patient));
    expect(seen.errors).toBeUndefined();
    expect(seen.data.emotionReadings.user).toEqual({ id: patient });
    await Promise.all([drain(mine), drain(theirs)]);

    const started = performance.now();
    const revoked = await subgraphs.privacy!.request(asUser(patient), REVOKE, { id: consentId });
    expect(revoked.data.revokeConsent.granted).toBe(false);
    const last = await theirs.nextWithin(2_000);
    const endedAfterMs = performance.now() - started;
    expect(last).toMatchObject({ data: null, errors: [{ message: CONSENT_WITHDRAWN_MESSAGE, extensions: { code: 'FORBIDDEN' } }] });
    expect(await theirs.nextWithin(1_000)).toBe('done');
    expect(endedAfterMs).toBeLessThan(1_000);
    console.log(`clinician stream ended ${endedAfterMs.toFixed(0)} ms after the revoke was sent`);

    // The person's own stream is untouched.
    const after = await record(patient);
    expect(await mine.nextWithin()).toMatchObject({ data: { emotionReadings: { id: after } } });
    // And the clinician cannot subscribe again.
    expect(await sg().subscribe(clinician, STREAM, { userId: patient }).nextWithin()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    await mine.close();
  });

  it('goes on for a clinician when a consent to another clinic is revoked', async () => {
    const patient = randomUUID();
    await sharingPatient(patient);
    const other = (
      await subgraphs.privacy!.request(asUser(patient), GRANT, {
        input: { type: 'CLINIC_SHARING', clinicId: randomUUID(), policyVersion: POLICIES.get('CLINIC_SHARING')!.version },
      })
    ).data.grantConsent.id;
    const theirs = sg().subscribe(clinician, STREAM, { userId: patient });
    await firstResult(theirs, () => record(patient));
    await drain(theirs);
    await subgraphs.privacy!.request(asUser(patient), REVOKE, { id: other });
    expect(await theirs.nextWithin(500)).toBe('timeout');
    const next = await record(patient);
    expect(await theirs.nextWithin()).toMatchObject({ data: { emotionReadings: { id: next } } });
    await theirs.close();
  });

  it('lets a partner key with emotion:read watch a sharing patient', async () => {
    const patient = randomUUID();
    await sharingPatient(patient);
    const partner = sg().subscribe(asPartner(C, ['emotion:read']), STREAM, { userId: patient });
    const event = await firstResult(partner, () => record(patient));
    expect(event.errors).toBeUndefined();
    expect(event.data.emotionReadings.user).toEqual({ id: patient });
    await partner.close();
  });

  it('refuses strangers at subscribe time', async () => {
    const patient = randomUUID();
    await sharingPatient(patient);
    const strangers = {
      otherPatient: asUser(randomUUID()),
      otherClinic: asClinician(randomUUID(), randomUUID()),
      partnerWithoutScope: asPartner(C, ['risk:read']),
      admin: asUser(randomUUID(), ['ADMIN']),
      service: asService(),
    };
    for (const [name, principal] of Object.entries(strangers)) {
      const subscription = sg().subscribe(principal, STREAM, { userId: patient });
      expect([name, await subscription.nextWithin()]).toMatchObject([name, { errors: [{ extensions: { code: 'FORBIDDEN' } }] }]);
      expect(await subscription.nextWithin()).toBe('done');
    }
    const noMfa = await sg().subscribe(asClinician(randomUUID(), C, { mfa: false }), STREAM, { userId: patient }).nextWithin();
    expect(noMfa).toMatchObject({ errors: [{ message: MFA_REQUIRED_MESSAGE }] });
  });

  it('records readings for services only', async () => {
    const patient = randomUUID();
    const { errors } = await sg().request(asUser(patient), RECORD, {
      input: { userId: patient, emotion: 'HAPPY', scores: [{ emotion: 'HAPPY', score: 1 }], valence: 0.8, arousal: 0.5, source: 'TEXT' },
    });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
