import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { levelForScore, recordAssessment, validateAssessment, type AssessmentInput } from '../src/domain/assessments.js';
import { risk } from '../src/server.js';

const USER_ASSESSMENTS = `query($reps: [_Any!]!, $first: Int, $after: String) { _entities(representations: $reps) {
  ... on User { id riskAssessments(first: $first, after: $after) { id level score signals { code weight detail } createdAt cursor user { id } } } } }`;
const MESSAGE_RISK = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Message { id risk { id level score user { id } } } } }`;
const ASSESSMENT = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on RiskAssessment { id level signals { code } } } }`;

const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));
const messages = (ids: string[]) => ids.map((id) => ({ __typename: 'Message', id }));
const low = (userId: string, extra: Partial<AssessmentInput> = {}): AssessmentInput => ({
  userId,
  score: 0.25,
  signals: [{ code: 'STRESS', weight: 0.2, detail: 'Exams' }],
  ...extra,
});

let subgraph: TestSubgraph;
const a = randomUUID();
const b = randomUUID();
const aMessage = randomUUID();
const bMessage = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph(risk);
  const em = subgraph.orm.orm.em.fork();
  for (let i = 0; i < 3; i++) {
    await recordAssessment(em, low(a, { createdAt: new Date(Date.UTC(2026, 10, 1, 10, i)), messageId: i === 2 ? aMessage : null }));
  }
  await recordAssessment(em, { userId: b, messageId: bMessage, score: 0.5, signals: [{ code: 'HOPELESSNESS', weight: 0.4 }] });
});
afterAll(() => subgraph.stop());

describe('risk subgraph', () => {
  it('shows a person their assessments, newest first, through User and Message', async () => {
    const { data, errors } = await subgraph.request(asUser(a), USER_ASSESSMENTS, { reps: users([a]) });
    expect(errors).toBeUndefined();
    const list = data._entities[0].riskAssessments;
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({
      level: 'LOW',
      score: 0.25,
      signals: [{ code: 'STRESS', weight: 0.2, detail: 'Exams' }],
      createdAt: '2026-11-01T10:02:00.000Z',
      user: { id: a },
    });
    const message = await subgraph.request(asUser(a), MESSAGE_RISK, { reps: messages([aMessage, randomUUID()]) });
    expect(message.errors).toBeUndefined();
    expect(message.data._entities[0].risk).toMatchObject({ id: list[0].id, level: 'LOW' });
    expect(message.data._entities[1].risk).toBeNull();
  });

  it('pages with first and after', async () => {
    const page1 = await subgraph.request(asUser(a), USER_ASSESSMENTS, { reps: users([a]), first: 2 });
    const [first, second] = page1.data._entities[0].riskAssessments;
    const page2 = await subgraph.request(asUser(a), USER_ASSESSMENTS, { reps: users([a]), first: 2, after: second.cursor });
    expect(page2.data._entities[0].riskAssessments).toHaveLength(1);
    expect(page2.data._entities[0].riskAssessments[0].id).not.toBe(first.id);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ after: 'bm9wZQ' }, 'after'],
  ])('refuses page args %j with BAD_USER_INPUT', async (args, field) => {
    const { errors } = await subgraph.request(asUser(a), USER_ASSESSMENTS, { reps: users([a]), ...args });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("never shows one person another's assessments", async () => {
    const list = await subgraph.request(asUser(a), USER_ASSESSMENTS, { reps: users([b]) });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(list.data._entities[0].riskAssessments).toBeNull();

    const message = await subgraph.request(asUser(a), MESSAGE_RISK, { reps: messages([bMessage]) });
    expect(message.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(message.data._entities[0].risk).toBeNull();

    const bAssessment = (await subgraph.request(asService(), MESSAGE_RISK, { reps: messages([bMessage]) })).data._entities[0].risk;
    expect(bAssessment).toMatchObject({ level: 'MODERATE', user: { id: b } });
    const direct = await subgraph.request(asUser(a), ASSESSMENT, { reps: [{ __typename: 'RiskAssessment', id: bAssessment.id }] });
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(direct.data)).not.toContain('HOPELESSNESS');
  });

  it('resolves 50 people’s assessments with one SQL query', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const em = subgraph.orm.orm.em.fork();
    for (const id of ids) await recordAssessment(em, low(id));
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), USER_ASSESSMENTS, { reps: users(ids) });
    expect(errors).toBeUndefined();
    expect(subgraph.orm.queries.count).toBe(1);
    expect(data._entities.every((u: { riskAssessments: unknown[] }) => u.riskAssessments.length === 1)).toBe(true);
  });

  it('resolves 50 messages’ assessments with one SQL query', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const em = subgraph.orm.orm.em.fork();
    for (const id of ids.slice(0, 25)) await recordAssessment(em, low(a, { messageId: id }));
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), MESSAGE_RISK, { reps: messages(ids) });
    expect(errors).toBeUndefined();
    expect(subgraph.orm.queries.count).toBe(1);
    expect(data._entities.filter((m: { risk: unknown }) => m.risk !== null)).toHaveLength(25);
  });

  it('maps scores to levels', () => {
    expect([0, 0.19, 0.2, 0.45, 0.6, 0.8, 1].map(levelForScore)).toEqual(['NONE', 'NONE', 'LOW', 'MODERATE', 'HIGH', 'IMMINENT', 'IMMINENT']);
    expect(validateAssessment(low(a, { level: 'IMMINENT' })).level).toBe('IMMINENT');
  });

  it.each([
    ['a score above 1', { score: 1.3 }, 'score'],
    ['a negative score', { score: -0.1 }, 'score'],
    ['a level below the score band', { score: 0.7, level: 'LOW' }, 'level'],
    ['an unknown level', { level: 'EXTREME' }, 'level'],
    ['a signal weight above 1', { signals: [{ code: 'STRESS', weight: 2 }] }, 'signals'],
    ['a bad signal code', { signals: [{ code: 'not a code', weight: 0.1 }] }, 'signals'],
    ['a user id that is not a UUID', { userId: '42' }, 'userId'],
  ] as [string, Partial<AssessmentInput>, string][])('rejects %s', (_name, extra, field) => {
    expect(() => validateAssessment(low(a, extra))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });

  it('seeds mostly calm assessments and one MODERATE', async () => {
    const patient = randomUUID();
    const texts = ['Habari', 'Nimechoka na kila kitu', 'Kazi ni ngumu', 'Niko sawa leo'];
    const msgs = texts.map((text, i) => ({ id: randomUUID(), userId: patient, role: 'USER' as const, text, createdAt: new Date(Date.UTC(2026, 10, 2, 9, i)) }));
    const world = { clinics: [], users: [{ id: patient, email: 'p@x.test', displayName: 'P', roles: ['PATIENT'], clinicId: null, preferredLanguage: 'SW' as const }], messages: msgs };
    await risk.seed!(subgraph.orm, world, {} as never);
    await risk.seed!(subgraph.orm, world, {} as never);
    const { data } = await subgraph.request(asUser(patient), USER_ASSESSMENTS, { reps: users([patient]) });
    const levels = data._entities[0].riskAssessments.map((r: { level: string }) => r.level);
    expect(levels).toHaveLength(4);
    expect(levels.filter((l: string) => l === 'MODERATE')).toHaveLength(1);
    expect(levels.every((l: string) => ['NONE', 'LOW', 'MODERATE'].includes(l))).toBe(true);
  });
});
