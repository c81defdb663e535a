import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { buildUiConfig, publishUiConfig, type PersonSignals } from '../src/domain/builder.js';
import { personalization } from '../src/server.js';

const USER_CONFIG = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on User { id uiConfig { id theme visibleComponents layoutOrder version generatedAt user { id } } } } }`;
const CONFIG = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on UIConfig { id theme layoutOrder } } }`;
const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));

let subgraph: TestSubgraph;
const a = randomUUID();
const b = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph(personalization);
  const em = subgraph.orm.orm.em.fork();
  await publishUiConfig(em, a);
  await publishUiConfig(em, a, { dominantEmotion: 'SAD', highestRisk: 'MODERATE' });
  await publishUiConfig(em, b, { prefersDark: true });
});
afterAll(() => subgraph.stop());

describe('personalization subgraph', () => {
  it("shows a person their latest interface, and null for someone who has none", async () => {
    const { data, errors } = await subgraph.request(asUser(a), USER_CONFIG, { reps: users([a]) });
    expect(errors).toBeUndefined();
    expect(data._entities[0].uiConfig).toMatchObject({
      version: 2,
      theme: 'WARM',
      layoutOrder: ['crisis_support', 'coping_tools', 'breathing_exercise', 'voice_checkin', 'mood_timeline', 'journal'],
      user: { id: a },
    });
    const nobody = randomUUID();
    const none = await subgraph.request(asUser(nobody), USER_CONFIG, { reps: users([nobody]) });
    expect(none.errors).toBeUndefined();
    expect(none.data._entities[0].uiConfig).toBeNull();
  });

  it("never shows one person another's interface", async () => {
    const viaUser = await subgraph.request(asUser(a), USER_CONFIG, { reps: users([b]) });
    expect(viaUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(viaUser.data._entities[0].uiConfig).toBeNull();
    const bConfig = (await subgraph.request(asService(), USER_CONFIG, { reps: users([b]) })).data._entities[0].uiConfig;
    expect(bConfig.theme).toBe('CALM_DARK');
    const direct = await subgraph.request(asUser(a), CONFIG, { reps: [{ __typename: 'UIConfig', id: bConfig.id }] });
    expect(direct.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(direct.data)).not.toContain('CALM_DARK');
  });

  it('resolves 50 people’s latest interfaces with one SQL query', async () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const em = subgraph.orm.orm.em.fork();
    for (const id of ids.slice(0, 40)) {
      await publishUiConfig(em, id);
      await publishUiConfig(em, id, { highContrast: true });
    }
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(asService(), USER_CONFIG, { reps: users(ids) });
    expect(errors).toBeUndefined();
    expect(subgraph.orm.queries.count).toBe(1);
    const configs = data._entities.map((u: { uiConfig: { version: number; theme: string } | null }) => u.uiConfig);
    expect(configs.slice(0, 40).every((c: { version: number; theme: string }) => c.version === 2 && c.theme === 'HIGH_CONTRAST')).toBe(true);
    expect(configs.slice(40).every((c: unknown) => c === null)).toBe(true);
  });

  it('builds deterministic defaults', () => {
    expect(buildUiConfig()).toEqual({
      theme: 'CALM_LIGHT',
      visibleComponents: ['voice_checkin', 'mood_timeline', 'coping_tools', 'journal', 'crisis_support'],
      layoutOrder: ['voice_checkin', 'mood_timeline', 'coping_tools', 'journal', 'crisis_support'],
    });
    expect(buildUiConfig({ dominantEmotion: 'FEAR' })).toEqual(buildUiConfig({ dominantEmotion: 'FEAR' }));
    for (const signals of [{}, { highestRisk: 'IMMINENT' }, { dominantEmotion: 'HAPPY', prefersDark: true }] as PersonSignals[]) {
      const built = buildUiConfig(signals);
      expect(built.visibleComponents).toContain('crisis_support');
      expect([...built.layoutOrder].sort()).toEqual([...built.visibleComponents].sort());
    }
  });

  it.each([
    ['an unknown emotion', { dominantEmotion: 'BORED' }, 'dominantEmotion'],
    ['an unknown risk level', { highestRisk: 'EXTREME' }, 'highestRisk'],
  ] as unknown as [string, PersonSignals, string][])('rejects %s', (_name, signals, field) => {
    expect(() => buildUiConfig(signals)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }));
  });

  it('rejects a user id that is not a UUID', async () => {
    await expect(publishUiConfig(subgraph.orm.orm.em.fork(), 'me')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('seeds one interface per patient, once', async () => {
    const patient = randomUUID();
    const clinician = randomUUID();
    const base = { email: 'x@x.test', displayName: 'X', clinicId: null, preferredLanguage: 'EN' as const };
    const world = { clinics: [], users: [{ ...base, id: patient, roles: ['PATIENT'] }, { ...base, id: clinician, roles: ['CLINICIAN'] }], messages: [] };
    await personalization.seed!(subgraph.orm, world, {} as never);
    await personalization.seed!(subgraph.orm, world, {} as never);
    const { data } = await subgraph.request(asService(), USER_CONFIG, { reps: users([patient, clinician]) });
    expect(data._entities[0].uiConfig.version).toBe(1);
    expect(data._entities[1].uiConfig).toBeNull();
  });
});
