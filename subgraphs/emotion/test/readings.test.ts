import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { recordReading, validateReading, type ReadingInput } from '../src/domain/readings.js';
import { emotion } from '../src/server.js';

const USER_READINGS = `query($reps: [_Any!]!, $first: Int, $after: String) { _entities(representations: $reps) {
  ... on User { id emotionReadings(first: $first, after: $after) { id emotion confidence scores { emotion score } valence arousal source createdAt cursor user { id } } } } }`;
const MESSAGE_READING = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Message { id emotion { id emotion user { id } } } } }`;
const READING = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on EmotionReading { id emotion valence } } }`;

const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));
const messages = (ids: string[]) => ids.map((id) => ({ __typename: 'Message', id }));

/** A valid SAD reading; override any part. */
const sad = (userId: string, extra: Partial<ReadingInput> = {}): ReadingInput => ({
  userId,
  emotion: 'SAD',
  scores: [
    { emotion: 'SAD', score: 0.6 },
    { emotion: 'NEUTRAL', score: 0.25 },
    { emotion: 'FEAR', score: 0.15 },
  ],
  valence: -0.5,
  arousal: 0.3,
  source: 'FUSED',
  ...extra,
});

let subgraph: TestSubgraph;
const a = randomUUID();
const b = randomUUID();
const aMessage = randomUUID();
const bMessage = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph(emotion);
  const em = subgraph.orm.orm.em.fork();
  for (let i = 0; i < 3; i++) {
    await recordReading(em, sad(a, { createdAt: new Date(Date.UTC(2026, 10, 1, 10, i)), messageId: i === 2 ? aMessage : null }));
  }
  await recordReading(em, sad(b, { messageId: bMessage, valence: -0.9 }));
});
afterAll(() => subgraph.stop());

describe('emotion subgraph', () => {
  it('shows a person their readings, newest first, through User and Message', async () => {
    const { data, errors } = await subgraph.request(asUser(a), USER_READINGS, { reps: users([a]) });
    expect(errors).toBeUndefined();
    const readings = data._entities[0].emotionReadings;
    expect(readings).toHaveLength(3);
    expect(readings[0]).toMatchObject({
      emotion: 'SAD',
      confidence: 0.6,
      scores: [{ emotion: 'SAD', score: 0.6 }, { emotion: 'NEUTRAL', score: 0.25 }, { emotion: 'FEAR', score: 0.15 }],
      source: 'FUSED',
      createdAt: '2026-11-01T10:02:00.000Z',
      user: { id: a },
    });
    expect(readings.map((r: { createdAt: string }) => r.createdAt)).toEqual([...readings.map((r: { createdAt: string }) => r.createdAt)].sort().reverse());

    const message = await subgraph.request(asUser(a), MESSAGE_READING, { reps: messages([aMessage, randomUUID()]) });
    expect(message.errors).toBeUndefined();
    expect(message.data._entities[0].emotion).toMatchObject({ id: readings[0].id, emotion: 'SAD', user: { id: a } });
    expect(message.data._entities[1].emotion).toBeNull();
  });

  it('pages with first and after', async () => {
    const page1 = await subgraph.request(asUser(a), USER_READINGS, { reps: users([a]), first: 2 });
    const [first, second] = page1.data._entities[0].emotionReadings;
    const page2 = await subgraph.request(asUser(a), USER_READINGS, { reps: users([a]), first: 2, after: second.cursor });
    expect(page2.data._entities[0].emotionReadings.map((r: { id: string }) => r.id)).not.toContain(first.id);
    expect(page2.data._entities[0].emotionReadings).toHaveLength(1);
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: 0 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
  ])('refuses page args %j with BAD_USER_INPUT', async (args, field) => {
    const { errors } = await subgraph.request(asUser(a), USER_READINGS, { reps: users([a]), ...args });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("never shows one person another's readings", async () => {
    const list = await subgraph.request(asUser(a), USER_READINGS, { reps: users([b]) });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(list.data._entities[0].emotionReadings).toBeNull();

    const message = await subgraph.request(asUser(a), MESSAGE_READING, { reps: messages([bMessage]) });
    expect(message.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(message.data._entities[0].emotion).toBeNull();

    const bReading = (await subgraph.request(asService(), MESSAGE_READING, { reps: messages([bMessage]) })).data._entities[0].emotion;
    expect(bReading.user.id).toBe(b);
    const direct = await subgraph.request(asUser(a), READING, { reps: [{ __typename: 'EmotionReading', id: bReading.id }] });
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(direct.data)).not.toContain('-0.9');
  });

  it('resolves 50 people’s readings with one SQL query', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const em = subgraph.orm.orm.em.fork();
    for (const id of ids) await recordReading(em, sad(id));
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), USER_READINGS, { reps: users(ids) });
    expect(errors).toBeUndefined();
    expect(subgraph.orm.queries.count).toBe(1);
    expect(data._entities.every((u: { emotionReadings: unknown[] }) => u.emotionReadings.length === 1)).toBe(true);
  });

  it('resolves 50 messages’ readings with one SQL query', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const em = subgraph.orm.orm.em.fork();
    for (const id of ids.slice(0, 25)) await recordReading(em, sad(a, { messageId: id }));
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), MESSAGE_READING, { reps: messages(ids) });
    expect(errors).toBeUndefined();
    expect(subgraph.orm.queries.count).toBe(1);
    expect(data._entities.filter((m: { emotion: unknown }) => m.emotion !== null)).toHaveLength(25);
  });

  it.each([
    ['scores that do not sum to 1', { scores: [{ emotion: 'SAD', score: 0.6 }, { emotion: 'NEUTRAL', score: 0.2 }] }, 'scores'],
    ['a score above 1', { scores: [{ emotion: 'SAD', score: 1.2 }, { emotion: 'NEUTRAL', score: -0.2 }] }, 'scores'],
    ['a repeated emotion', { scores: [{ emotion: 'SAD', score: 0.5 }, { emotion: 'SAD', score: 0.5 }] }, 'scores'],
    ['an emotion that is not the top score', { emotion: 'NEUTRAL' }, 'emotion'],
    ['valence out of range', { valence: -1.5 }, 'valence'],
    ['arousal out of range', { arousal: -0.1 }, 'arousal'],
    ['confidence out of range', { confidence: 1.5 }, 'confidence'],
    ['an unknown source', { source: 'EEG' }, 'source'],
  ] as [string, Partial<ReadingInput>, string][])('rejects %s', (_name, extra, field) => {
    expect(() => validateReading(sad(a, extra))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });

  it('the database refuses out-of-range values too', async () => {
    const connection = subgraph.orm.orm.em.fork().getConnection();
    await expect(
      connection.execute(
        `insert into emotion_reading (id, user_id, emotion, confidence, scores, valence, arousal, source) values (?, ?, 'SAD', 0.5, '[{"emotion":"SAD","score":1.5}]', 0, 0.5, 'TEXT')`,
        [randomUUID(), a],
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('seeds a reading for each patient message', async () => {
    const patient = randomUUID();
    const msgs = Array.from({ length: 7 }, (_, i) => ({ id: randomUUID(), userId: patient, role: 'USER' as const, text: 'Niko sawa', createdAt: new Date(Date.UTC(2026, 10, 2, 9, i)) }));
    const world = { clinics: [], users: [{ id: patient, email: 'p@x.test', displayName: 'P', roles: ['PATIENT'], clinicId: null, preferredLanguage: 'SW' as const }], messages: msgs };
    await emotion.seed!(subgraph.orm, world, {} as never);
    await emotion.seed!(subgraph.orm, world, {} as never); // twice changes nothing
    const { data } = await subgraph.request(asUser(patient), USER_READINGS, { reps: users([patient]) });
    const readings = data._entities[0].emotionReadings;
    expect(readings).toHaveLength(7); // every palette entry is a valid reading
    expect(new Set(readings.map((r: { emotion: string }) => r.emotion)).size).toBeGreaterThan(2);
  });
});
