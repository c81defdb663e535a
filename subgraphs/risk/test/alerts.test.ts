/**
 * Crisis alerts and live assessments over real graphql-ws sockets, with the real privacy subgraph
 * deciding who shares with which clinic.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POLICIES, privacy } from '@resona/privacy';
import { MFA_REQUIRED_MESSAGE } from '@resona/subgraph';
import { asClinician, asPartner, asService, asUser, firstResult, startTestSubgraphs, type TestSubgraph } from '@resona/testing';
import { CrisisAlertEntity } from '../src/entities.js';
import { risk } from '../src/server.js';

const ALERTS = `subscription($clinicId: ID!, $after: String) { crisisAlerts(clinicId: $clinicId, after: $after) {
  id cursor createdAt acknowledgedAt clinic { id } assessment { id level score signals { code } user { id } } } }`;
const UPDATES = `subscription($userId: ID!) { riskAssessmentUpdated(userId: $userId) { id level createdAt cursor user { id } } }`;
const RECORD = `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id level } }`;
const OPEN = `query($clinicId: ID!) { openCrisisAlerts(clinicId: $clinicId) { id cursor createdAt assessment { id level } } }`;
const ACK = `mutation($id: ID!) { acknowledgeCrisisAlert(id: $id) { id acknowledgedAt acknowledgedBy { id } } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;

const C = randomUUID();
const D = randomUUID();
/** Shares with clinic C. */
const patient = randomUUID();
const clinicianC = asClinician(randomUUID(), C);
const clinicianD = asClinician(randomUUID(), D);

let subgraphs: Record<string, TestSubgraph>;
let stopAll: () => Promise<void>;
const sg = () => subgraphs.risk!;

/** Records an assessment as conversation would (a service call); returns its id. */
async function record(userId: string, score: number, level?: string): Promise<string> {
  const { data, errors } = await sg().request(asService(), RECORD, { input: { userId, score, level, signals: [{ code: 'EXPLICIT_PLAN', weight: score }] } });
  expect(errors).toBeUndefined();
  return data.recordRiskAssessment.id;
}

beforeAll(async () => {
  ({ subgraphs, stopAll } = await startTestSubgraphs([privacy, risk]));
  const { errors } = await subgraphs.privacy!.request(asUser(patient), GRANT, {
    input: { type: 'CLINIC_SHARING', clinicId: C, policyVersion: POLICIES.get('CLINIC_SHARING')!.version },
  });
  expect(errors).toBeUndefined();
});
afterAll(() => stopAll());

describe('crisis alerts', () => {
  it("reach the clinic's dashboard live and its open alerts; another clinic is refused and gets nothing", async () => {
    const dashboard = sg().subscribe(clinicianC, ALERTS, { clinicId: C });
    const intruder = sg().subscribe(clinicianD, ALERTS, { clinicId: C });
    const otherDashboard = sg().subscribe(clinicianD, ALERTS, { clinicId: D });

    const refused = await intruder.nextWithin();
    expect(refused).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(await intruder.nextWithin()).toBe('done');

    const recorded: string[] = [];
    const event = await firstResult(dashboard, async () => recorded.push(await record(patient, 0.92)));
    expect(event.errors).toBeUndefined();
    const alert = event.data.crisisAlerts;
    expect(recorded).toContain(alert.assessment.id);
    expect(alert).toMatchObject({
      clinic: { id: C },
      acknowledgedAt: null,
      assessment: { level: 'IMMINENT', score: 0.92, signals: [{ code: 'EXPLICIT_PLAN' }], user: { id: patient } },
    });
    expect(new Date(alert.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const open = await sg().request(clinicianC, OPEN, { clinicId: C });
    expect(open.errors).toBeUndefined();
    expect(open.data.openCrisisAlerts.map((a: { id: string }) => a.id)).toContain(alert.id);
    expect(open.data.openCrisisAlerts[0].createdAt >= open.data.openCrisisAlerts.at(-1).createdAt).toBe(true);

    // Clinic D hears nothing of C's patient, and may not ask for C's alerts.
    expect(await otherDashboard.nextWithin(500)).toBe('timeout');
    expect((await sg().request(clinicianD, OPEN, { clinicId: C })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await Promise.all([dashboard.close(), otherDashboard.close()]);
  });

  it('refuses at subscribe time anyone who does not act for the clinic', async () => {
    const callers = {
      patient: asUser(patient),
      noMfa: asClinician(randomUUID(), C, { mfa: false }),
      partnerWithoutScope: asPartner(C, ['risk:read']),
      partnerOfD: asPartner(D, ['alerts:subscribe']),
      service: asService(),
    };
    for (const [name, principal] of Object.entries(callers)) {
      const result = await sg().subscribe(principal, ALERTS, { clinicId: C }).nextWithin();
      expect([name, result]).toMatchObject([name, { errors: [{ extensions: { code: 'FORBIDDEN' } }] }]);
    }
    const noMfa = await sg().subscribe(callers.noMfa, ALERTS, { clinicId: C }).nextWithin();
    expect(noMfa).toMatchObject({ errors: [{ message: MFA_REQUIRED_MESSAGE }] });
  });

  it('lets a partner key with alerts:subscribe watch its clinic', async () => {
    const partner = sg().subscribe(asPartner(C, ['alerts:subscribe', 'risk:read']), ALERTS, { clinicId: C });
    const event = await firstResult(partner, () => record(patient, 0.7));
    expect(event.errors).toBeUndefined();
    expect(event.data.crisisAlerts.assessment).toMatchObject({ level: 'HIGH', user: { id: patient } });
    await partner.close();
  });

  it('resumes after a cursor with the alerts missed while away', async () => {
    const before = (await sg().request(clinicianC, OPEN, { clinicId: C })).data.openCrisisAlerts[0];
    const missed = await record(patient, 0.95);
    const resumed = sg().subscribe(clinicianC, ALERTS, { clinicId: C, after: before.cursor });
    const first = await resumed.nextWithin();
    expect(first).toMatchObject({ data: { crisisAlerts: { assessment: { id: missed, level: 'IMMINENT' }, acknowledgedAt: null } } });
    // Then live again, without repeating what it caught up with.
    const live = await record(patient, 0.85);
    const next = await resumed.nextWithin();
    expect(next).toMatchObject({ data: { crisisAlerts: { assessment: { id: live } } } });
    await resumed.close();

    const bad = await sg().subscribe(clinicianC, ALERTS, { clinicId: C, after: 'nope' }).nextWithin();
    expect(bad).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }] });
  });

  it('acknowledging takes an alert out of the open alerts, once', async () => {
    const [alert] = (await sg().request(clinicianC, OPEN, { clinicId: C })).data.openCrisisAlerts;
    expect((await sg().request(clinicianD, ACK, { id: alert.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sg().request(asPartner(C, ['alerts:subscribe']), ACK, { id: alert.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sg().request(asClinician(clinicianC.userId!, C, { mfa: false }), ACK, { id: alert.id })).errors?.[0]?.message).toBe(MFA_REQUIRED_MESSAGE);

    const acked = await sg().request(clinicianC, ACK, { id: alert.id });
    expect(acked.errors).toBeUndefined();
    expect(acked.data.acknowledgeCrisisAlert).toMatchObject({ id: alert.id, acknowledgedBy: { id: clinicianC.userId } });
    const again = await sg().request(asClinician(randomUUID(), C, { role: 'CLINIC_ADMIN' }), ACK, { id: alert.id });
    expect(again.data.acknowledgeCrisisAlert).toEqual(acked.data.acknowledgeCrisisAlert);

    const open = (await sg().request(clinicianC, OPEN, { clinicId: C })).data.openCrisisAlerts.map((a: { id: string }) => a.id);
    expect(open).not.toContain(alert.id);
  });

  it('raises alerts only for HIGH and IMMINENT, only for clinics the person shares with, and only for services', async () => {
    const em = sg().orm.orm.em.fork();
    const moderate = await record(patient, 0.5);
    const loner = await record(randomUUID(), 0.99);
    expect(await em.count(CrisisAlertEntity, { assessmentId: { $in: [moderate, loner] } })).toBe(0);

    const asPatient = await sg().request(asUser(patient), RECORD, { input: { userId: patient, score: 0.9, signals: [] } });
    expect(asPatient.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The same message twice is one assessment and one alert.
    const messageId = randomUUID();
    const input = { userId: patient, messageId, score: 0.9, signals: [] };
    const first = await sg().request(asService(), RECORD, { input });
    const second = await sg().request(asService(), RECORD, { input });
    expect(second.data.recordRiskAssessment.id).toBe(first.data.recordRiskAssessment.id);
    expect(await em.count(CrisisAlertEntity, { assessmentId: first.data.recordRiskAssessment.id })).toBe(1);
  });
});

describe('riskAssessmentUpdated', () => {
  it("streams a person's assessments to them and to their clinic's clinician, and refuses others", async () => {
    const mine = sg().subscribe(asUser(patient), UPDATES, { userId: patient });
    const event = await firstResult(mine, () => record(patient, 0.1));
    expect(event.errors).toBeUndefined();
    expect(event.data.riskAssessmentUpdated).toMatchObject({ level: 'NONE', user: { id: patient } });

    const clinician = sg().subscribe(clinicianC, UPDATES, { userId: patient });
    const seen = await firstResult(clinician, () => record(patient, 0.3));
    expect(seen.data.riskAssessmentUpdated).toMatchObject({ level: 'LOW', user: { id: patient } });

    for (const stranger of [asUser(randomUUID()), clinicianD, asPartner(C, ['alerts:subscribe'])]) {
      expect(await sg().subscribe(stranger, UPDATES, { userId: patient }).nextWithin()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    }
    await Promise.all([mine.close(), clinician.close()]);
  });
});
