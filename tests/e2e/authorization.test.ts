/**
 * The rule table of docs/authorization.md, row by row, allowed and denied. The five patient-data
 * subgraphs run together over one database (privacy first, so emotion and risk ask the real
 * privacy about consent), with principals signed the way the gateway signs them — clinicians with
 * `mfa: true` unless a row is about MFA. A last block goes through the gateway with the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { verifyAllChains } from '@resona/audit';
import type { Principal } from '@resona/auth';
import { SUBGRAPHS } from '@resona/stack';
import { MFA_REQUIRED_MESSAGE, type DemoWorld } from '@resona/subgraph';
import { anonymous, asClinician, asPartner, asService, asUser, startTestSubgraphs, type GraphQLResponse, type TestSubgraph } from '@resona/testing';
import { login, startTestStack, type TestStack } from '../support/stack.js';

const NAIROBI = randomUUID();
const MOMBASA = randomUUID();
/** Shares with Nairobi throughout. */
const p1 = randomUUID();
/** Revoked sharing with Nairobi before the tests. */
const p2 = randomUUID();
/** Shares with Nairobi until a test revokes it. */
const p3 = randomUUID();
const clinicianId = randomUUID();

const who = {
  self: asUser(p1),
  otherPatient: asUser(p2),
  admin: asUser(randomUUID(), ['ADMIN']),
  clinician: asClinician(clinicianId, NAIROBI),
  clinicAdmin: asClinician(randomUUID(), NAIROBI, { role: 'CLINIC_ADMIN' }),
  clinicianNoMfa: asClinician(clinicianId, NAIROBI, { mfa: false }),
  otherClinic: asClinician(randomUUID(), MOMBASA),
  /** A clinician role without a clinic acts for nobody. */
  clinicianNoClinic: asUser(randomUUID(), ['CLINICIAN'], null, { mfa: true }),
  partnerEmotion: asPartner(NAIROBI, ['emotion:read']),
  partnerRisk: asPartner(NAIROBI, ['risk:read']),
  partnerNoScope: asPartner(NAIROBI, ['alerts:subscribe']),
  partnerOtherClinic: asPartner(MOMBASA, ['emotion:read', 'risk:read']),
  service: asService(),
  anonymous: anonymous(),
} satisfies Record<string, Principal>;
type Who = keyof typeof who;
const EVERYONE = Object.keys(who) as Who[];

let subgraphs: Record<string, TestSubgraph>;
let databaseUrl: string;
let stopAll: () => Promise<void>;
const sg = (name: string) => subgraphs[name]!;

const ENTITIES = (fragment: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const user = (id: string) => [{ __typename: 'User', id }];

/** allowed: data and no error; otherwise the error code (and for MFA the message). */
function outcome(result: GraphQLResponse): 'allowed' | 'mfa' | string {
  const error = result.errors?.[0];
  if (!error) return 'allowed';
  if (error.extensions?.code === 'FORBIDDEN' && error.message === MFA_REQUIRED_MESSAGE) return 'mfa';
  return String(error.extensions?.code);
}

/** Asks every principal and compares with the expected outcome (anything not listed is FORBIDDEN). */
async function expectTable(ask: (principal: Principal) => Promise<GraphQLResponse>, expected: Partial<Record<Who, string>>) {
  const actual: Record<string, string> = {};
  for (const name of EVERYONE) actual[name] = outcome(await ask(who[name]));
  const wanted = Object.fromEntries(EVERYONE.map((name) => [name, expected[name] ?? 'FORBIDDEN']));
  expect(actual).toEqual(wanted);
}

const PATIENT_DATA_READERS = (scope: 'emotion:read' | 'risk:read') => ({
  self: 'allowed',
  clinician: 'allowed',
  clinicAdmin: 'allowed',
  clinicianNoMfa: 'mfa',
  [scope === 'emotion:read' ? 'partnerEmotion' : 'partnerRisk']: 'allowed',
  service: 'allowed',
});

const auditRows = async (schema: string, where: string, params: unknown[]) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(`select * from "${schema}".audit_log where ${where} order by id`, params)).rows;
  } finally {
    await client.end();
  }
};

const CONSENTS = ENTITIES('... on User { consents { id type granted clinic { id } } }');
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id granted } }`;
const sharingConsentOf = async (userId: string) =>
  (await sg('privacy').request(asUser(userId), CONSENTS, { reps: user(userId) })).data._entities[0].consents.find(
    (c: { type: string; granted: boolean }) => c.type === 'CLINIC_SHARING' && c.granted,
  );

beforeAll(async () => {
  const started = await startTestSubgraphs(SUBGRAPHS.map((s) => s.module).filter((m) => m.name !== 'identity'));
  ({ subgraphs, databaseUrl, stopAll } = started);
  // The demo data, for three patients of Nairobi (what identity would have seeded).
  const world: DemoWorld = {
    clinics: [{ id: NAIROBI, name: 'Demo Clinic Nairobi' }, { id: MOMBASA, name: 'Demo Clinic Mombasa' }],
    users: [p1, p2, p3].map((id, i) => ({ id, email: `p${i}@t.test`, displayName: `P${i}`, roles: ['PATIENT'], clinicId: null, preferredLanguage: 'EN' as const })),
    messages: [],
  };
  for (const { module } of SUBGRAPHS) {
    const subgraph = subgraphs[module.name];
    if (subgraph && module.seed) await module.seed(subgraph.orm, world, subgraph.config as never);
  }
  const revoked = await sg('privacy').request(asUser(p2), REVOKE, { id: (await sharingConsentOf(p2)).id });
  expect(revoked.data.revokeConsent.granted).toBe(false);
});
afterAll(() => stopAll?.());

describe('emotion: EmotionReading and User.emotionReadings', () => {
  const LIST = ENTITIES('... on User { emotionReadings { id emotion scores { emotion score } user { id } } }');
  const ONE = ENTITIES('... on EmotionReading { id emotion valence }');

  it('a sharing patient’s readings: the person, their clinic’s clinicians with MFA, a partner key with emotion:read, services', async () => {
    await expectTable((p) => sg('emotion').request(p, LIST, { reps: user(p1) }), PATIENT_DATA_READERS('emotion:read'));
    const ids = (await sg('emotion').request(who.service, LIST, { reps: user(p1) })).data._entities[0].emotionReadings.map((r: { id: string }) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    await expectTable(
      (p) => sg('emotion').request(p, ONE, { reps: ids.map((id: string) => ({ __typename: 'EmotionReading', id })) }),
      PATIENT_DATA_READERS('emotion:read'),
    );
  });

  it('a patient who revoked sharing: only the person and services', async () => {
    await expectTable((p) => sg('emotion').request(p, LIST, { reps: user(p2) }), { otherPatient: 'allowed', clinicianNoMfa: 'mfa', service: 'allowed' });
  });
});

describe('risk: RiskAssessment and User.riskAssessments', () => {
  const LIST = ENTITIES('... on User { riskAssessments { id level score signals { code weight } } }');
  const ONE = ENTITIES('... on RiskAssessment { id level }');

  it('a sharing patient’s assessments: the person, clinicians with MFA, a partner key with risk:read, services', async () => {
    await expectTable((p) => sg('risk').request(p, LIST, { reps: user(p1) }), PATIENT_DATA_READERS('risk:read'));
    const ids = (await sg('risk').request(who.service, LIST, { reps: user(p1) })).data._entities[0].riskAssessments.map((r: { id: string }) => r.id);
    await expectTable((p) => sg('risk').request(p, ONE, { reps: ids.map((id: string) => ({ __typename: 'RiskAssessment', id })) }), PATIENT_DATA_READERS('risk:read'));
  });

  it('a patient who revoked sharing: only the person and services', async () => {
    await expectTable((p) => sg('risk').request(p, LIST, { reps: user(p2) }), { otherPatient: 'allowed', clinicianNoMfa: 'mfa', service: 'allowed' });
  });
});

describe('owner only: UIConfig details, Conversation, Message', () => {
  it('UIConfig theme: the person, their clinic’s clinicians with MFA, services', async () => {
    await expectTable((p) => sg('personalization').request(p, ENTITIES('... on User { uiConfig { id theme } }'), { reps: user(p1) }), {
      self: 'allowed',
      clinician: 'allowed',
      clinicAdmin: 'allowed',
      clinicianNoMfa: 'mfa',
      service: 'allowed',
    });
  });

  it('UIConfig components and layout: the person and services, nobody else', async () => {
    await expectTable((p) => sg('personalization').request(p, ENTITIES('... on User { uiConfig { layoutOrder } }'), { reps: user(p1) }), {
      self: 'allowed',
      clinicianNoMfa: 'mfa',
      service: 'allowed',
    });
  });

  it('conversations and message text: the person and services, never a clinician or partner', async () => {
    const LIST = ENTITIES('... on User { conversations { id messages { id text } } }');
    await expectTable((p) => sg('conversation').request(p, LIST, { reps: user(p1) }), { self: 'allowed', service: 'allowed' });
    const [conversation] = (await sg('conversation').request(who.self, LIST, { reps: user(p1) })).data._entities[0].conversations;
    const messageId = conversation.messages[0].id;
    const TEXT = ENTITIES('... on Message { id text }');
    await expectTable((p) => sg('conversation').request(p, TEXT, { reps: [{ __typename: 'Message', id: messageId }] }), { self: 'allowed', service: 'allowed' });
    await expectTable((p) => sg('conversation').request(p, `query($id: ID!) { conversation(id: $id) { id messages { text } } }`, { id: conversation.id }), {
      self: 'allowed',
      // Signed in, so the query may run; it answers null for someone else's conversation.
      otherPatient: 'allowed', admin: 'allowed', clinician: 'allowed', clinicAdmin: 'allowed', clinicianNoMfa: 'allowed', otherClinic: 'allowed', clinicianNoClinic: 'allowed',
      partnerEmotion: 'UNAUTHENTICATED', partnerRisk: 'UNAUTHENTICATED', partnerNoScope: 'UNAUTHENTICATED', partnerOtherClinic: 'UNAUTHENTICATED',
      service: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED',
    });
    const clinicianView = await sg('conversation').request(who.clinician, `query($id: ID!) { conversation(id: $id) { id messages { text } } }`, { id: conversation.id });
    expect(clinicianView.data.conversation).toBeNull();
  });
});

describe('privacy: Consent, User.consents, patients, activeClinicShares', () => {
  it('User.consents: the person sees all; a clinician with MFA only the active sharing with their own clinic', async () => {
    await expectTable((p) => sg('privacy').request(p, CONSENTS, { reps: user(p1) }), {
      self: 'allowed', clinician: 'allowed', clinicAdmin: 'allowed', clinicianNoMfa: 'mfa', otherClinic: 'allowed', service: 'allowed',
    });
    const own = (await sg('privacy').request(who.self, CONSENTS, { reps: user(p1) })).data._entities[0].consents;
    expect(own.map((c: { type: string }) => c.type).sort()).toEqual(['CLINIC_SHARING', 'EMOTION_ANALYSIS', 'VOICE_PROCESSING']);
    const clinicians = (await sg('privacy').request(who.clinician, CONSENTS, { reps: user(p1) })).data._entities[0].consents;
    expect(clinicians).toEqual([expect.objectContaining({ type: 'CLINIC_SHARING', granted: true, clinic: { id: NAIROBI } })]);
    expect((await sg('privacy').request(who.otherClinic, CONSENTS, { reps: user(p1) })).data._entities[0].consents).toEqual([]);
    expect((await sg('privacy').request(who.clinician, CONSENTS, { reps: user(p2) })).data._entities[0].consents).toEqual([]);
  });

  it('Consent by id: the sharing consent to the caller’s clinic, never another consent nor where it was granted from', async () => {
    const consents = (await sg('privacy').request(who.self, CONSENTS, { reps: user(p1) })).data._entities[0].consents;
    const sharing = consents.find((c: { type: string }) => c.type === 'CLINIC_SHARING');
    const voice = consents.find((c: { type: string }) => c.type === 'VOICE_PROCESSING');
    const ONE = ENTITIES('... on Consent { id type granted grantedAt }');
    await expectTable((p) => sg('privacy').request(p, ONE, { reps: [{ __typename: 'Consent', id: sharing.id }] }), {
      self: 'allowed', clinician: 'allowed', clinicAdmin: 'allowed', clinicianNoMfa: 'mfa', service: 'allowed',
    });
    await expectTable((p) => sg('privacy').request(p, ONE, { reps: [{ __typename: 'Consent', id: voice.id }] }), {
      self: 'allowed', clinicianNoMfa: 'mfa', service: 'allowed',
    });
    const origin = ENTITIES('... on Consent { id ipAddress userAgent }');
    // Where a consent was granted from is the person's alone.
    await expectTable((p) => sg('privacy').request(p, origin, { reps: [{ __typename: 'Consent', id: sharing.id }] }), {
      self: 'allowed', service: 'allowed',
    });
  });

  it('patients: clinicians with MFA and partner keys with a read scope, of their own clinic', async () => {
    const PATIENTS = '{ patients { id } }';
    await expectTable((p) => sg('privacy').request(p, PATIENTS), {
      clinician: 'allowed', clinicAdmin: 'allowed', clinicianNoMfa: 'mfa', otherClinic: 'allowed',
      partnerEmotion: 'allowed', partnerRisk: 'allowed', partnerOtherClinic: 'allowed',
    });
    const ids = (await sg('privacy').request(who.clinician, PATIENTS)).data.patients.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([p1]));
    expect(ids).not.toContain(p2);
    expect((await sg('privacy').request(who.partnerEmotion, PATIENTS)).data.patients.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());
    expect((await sg('privacy').request(who.otherClinic, PATIENTS)).data.patients).toEqual([]);
  });

  it('activeClinicShares: services only', async () => {
    const Q = `query($c: ID!, $u: [ID!]!) { activeClinicShares(clinicId: $c, userIds: $u) }`;
    await expectTable((p) => sg('privacy').request(p, Q, { c: NAIROBI, u: [p1, p2] }), { service: 'allowed' });
    expect((await sg('privacy').request(who.service, Q, { c: NAIROBI, u: [p1, p2, 'nonsense'] })).data.activeClinicShares).toEqual([p1]);
  });

  it('grantConsent and revokeConsent: a signed-in person, for themself only', async () => {
    const GRANT = `mutation { grantConsent(input: { type: RESEARCH, policyVersion: "x" }) { id } }`;
    await expectTable((p) => sg('privacy').request(p, GRANT), {
      // Signed-in people pass the rule and reach validation (the version is wrong on purpose).
      self: 'BAD_USER_INPUT', otherPatient: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT', clinician: 'BAD_USER_INPUT', clinicAdmin: 'BAD_USER_INPUT',
      clinicianNoMfa: 'BAD_USER_INPUT', otherClinic: 'BAD_USER_INPUT', clinicianNoClinic: 'BAD_USER_INPUT',
      partnerEmotion: 'UNAUTHENTICATED', partnerRisk: 'UNAUTHENTICATED', partnerNoScope: 'UNAUTHENTICATED', partnerOtherClinic: 'UNAUTHENTICATED',
      service: 'UNAUTHENTICATED', anonymous: 'UNAUTHENTICATED',
    });
    const sharing = await sharingConsentOf(p1);
    const other = await sg('privacy').request(who.otherPatient, REVOKE, { id: sharing.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sharingConsentOf(p1)).id).toBe(sharing.id);
  });
});

describe('the crisis-corrections export: services only', () => {
  it('reviewedItems (risk) and anonymisedMessages (conversation)', async () => {
    await expectTable((p) => sg('risk').request(p, '{ reviewedItems { reviewItemId messageId userId reviewedLevel } }'), { service: 'allowed' });
    await expectTable((p) => sg('conversation').request(p, `query($ids: [ID!]!) { anonymisedMessages(ids: $ids) { id text } }`, { ids: [randomUUID()] }), { service: 'allowed' });
  });
});

describe('consent revoked takes effect on the next request', () => {
  it('a clinician and a partner key lose access to emotion and risk at once', async () => {
    const EMOTION = ENTITIES('... on User { emotionReadings { id } }');
    const RISK = ENTITIES('... on User { riskAssessments { id } }');
    expect(outcome(await sg('emotion').request(who.clinician, EMOTION, { reps: user(p3) }))).toBe('allowed');
    expect(outcome(await sg('risk').request(who.partnerRisk, RISK, { reps: user(p3) }))).toBe('allowed');
    expect((await sg('privacy').request(who.clinician, '{ patients { id } }')).data.patients.map((u: { id: string }) => u.id)).toContain(p3);

    const revoked = await sg('privacy').request(asUser(p3), REVOKE, { id: (await sharingConsentOf(p3)).id });
    expect(revoked.data.revokeConsent.granted).toBe(false);

    expect(outcome(await sg('emotion').request(who.clinician, EMOTION, { reps: user(p3) }))).toBe('FORBIDDEN');
    expect(outcome(await sg('risk').request(who.partnerRisk, RISK, { reps: user(p3) }))).toBe('FORBIDDEN');
    expect((await sg('privacy').request(who.clinician, '{ patients { id } }')).data.patients.map((u: { id: string }) => u.id)).not.toContain(p3);
    // The person still reads their own.
    expect(outcome(await sg('emotion').request(asUser(p3), EMOTION, { reps: user(p3) }))).toBe('allowed');
  });
});

describe('audit log', () => {
  it('records a clinician’s read once per request, subject and resource type, not per field', async () => {
    const requestId = `audit-${randomUUID()}`;
    const reader = asClinician(clinicianId, NAIROBI, { requestId });
    const result = await sg('emotion').request(reader, ENTITIES('... on User { emotionReadings { id emotion valence arousal scores { emotion } } }'), {
      reps: user(p1),
    });
    const readings = result.data._entities[0].emotionReadings;
    const rows = await auditRows('emotion', 'request_id = $1', [requestId]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'READ', actor_kind: 'user', actor_id: clinicianId, actor_clinic_id: NAIROBI, subject_user_id: p1, resource_type: 'EmotionReading',
        detail: expect.objectContaining({ count: readings.length }),
      }),
    ]);
    // The person reading their own data is not "another person's data".
    await sg('emotion').request(asUser(p1, ['PATIENT'], null, { requestId: `${requestId}-self` }), ENTITIES('... on User { emotionReadings { id } }'), { reps: user(p1) });
    expect(await auditRows('emotion', 'request_id = $1', [`${requestId}-self`])).toEqual([]);
  });

  it('records partner reads with the key, and the patient list', async () => {
    await sg('risk').request(who.partnerRisk, ENTITIES('... on User { riskAssessments { id } }'), { reps: user(p1) });
    expect(await auditRows('risk', `api_key_id = 'test-key' and subject_user_id = $1`, [p1])).not.toEqual([]);
    await sg('privacy').request(who.clinician, '{ patients { id } }');
    expect(await auditRows('privacy', `resource_type = 'PatientList' and actor_id = $1`, [clinicianId])).not.toEqual([]);
  });

  it('records every consent change and every message in the same transaction, without message text', async () => {
    expect(await auditRows('privacy', `action = 'CONSENT_REVOKED' and subject_user_id = $1 and actor_id = $1`, [p3])).toHaveLength(1);
    expect(await auditRows('privacy', `action = 'CONSENT_GRANTED' and subject_user_id = $1`, [p1])).toHaveLength(3);
    const started = await sg('conversation').request(who.self, 'mutation { startConversation { id } }');
    const conversationId = started.data.startConversation.id;
    const sent = await sg('conversation').request(who.self, `mutation($i: SendMessageInput!) { sendMessage(input: $i) { userMessage { id } } }`, {
      i: { conversationId, text: 'a very private sentence', clientMessageId: randomUUID() },
    });
    const messageId = sent.data.sendMessage.userMessage.id;
    const rows = await auditRows('conversation', `actor_id = $1 and resource_id in ($2, $3)`, [p1, conversationId, messageId]);
    expect(rows.map((r) => r.action)).toEqual(['CONVERSATION_STARTED', 'MESSAGE_SENT']);
    expect(JSON.stringify(rows)).not.toContain('private sentence');
  });

  it('records one ACCESS_DENIED_BURST per principal per minute above 20 denied requests', async () => {
    const prober = asUser(randomUUID());
    for (let i = 0; i < 25; i++) await sg('emotion').request(prober, ENTITIES('... on User { emotionReadings { id } }'), { reps: user(p1) });
    const rows = await auditRows('emotion', `action = 'ACCESS_DENIED_BURST' and actor_id = $1`, [prober.userId]);
    expect(rows).toEqual([expect.objectContaining({ detail: { deniedRequests: 21, windowSeconds: 60 } })]);
  });

  it('every chain verifies', async () => {
    const reports = await verifyAllChains(databaseUrl);
    expect(reports.map((r) => r.schema).sort()).toEqual(['conversation', 'emotion', 'personalization', 'privacy', 'risk']);
    expect(reports.every((r) => r.ok)).toBe(true);
  });
});

describe('through the gateway with the demo data', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack?.stop());

  it('a demo clinician without MFA is refused patient data, saying MFA is required', async () => {
    const clinician = await login(stack, 'clinician@demo.resona.test', 'Resona-demo-2026');
    const { errors } = await stack.gql('{ patients { id } }', {}, clinician.token);
    expect(errors?.[0]).toMatchObject({ message: MFA_REQUIRED_MESSAGE, extensions: { code: 'FORBIDDEN' } });
  });

  it('a patient still reads their own data and cannot list patients', async () => {
    const patient = await login(stack, 'patient1@demo.resona.test', 'Resona-demo-2026');
    const own = await stack.gql('{ me { emotionReadings { emotion } riskAssessments { level } } }', {}, patient.token);
    expect(own.errors).toBeUndefined();
    expect(own.data.me.emotionReadings.length).toBeGreaterThan(0);
    const list = await stack.gql('{ patients { id } }', {}, patient.token);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
