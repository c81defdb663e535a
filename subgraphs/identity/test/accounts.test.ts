import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anonymous, asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id email displayName preferredLanguage roles } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identity);
});
afterAll(() => subgraph.stop());

const register = (email: string, password = 'a long enough secret', displayName = 'Wanjiru') =>
  subgraph.request(anonymous(), REGISTER, { input: { email, password, displayName, preferredLanguage: 'SW' } });

describe('identity subgraph', () => {
  it('registers a patient and reads them back as themself', async () => {
    const { data, errors } = await register('Wanjiru@Example.test');
    expect(errors).toBeUndefined();
    expect(data.register.user).toMatchObject({ email: 'wanjiru@example.test', preferredLanguage: 'SW', roles: ['PATIENT'] });
    const me = await subgraph.request(asUser(data.register.user.id), '{ me { id displayName } }');
    expect(me.data.me).toEqual({ id: data.register.user.id, displayName: 'Wanjiru' });
  });

  it.each([
    ['not-an-email', 'a long enough secret', 'email'],
    ['short@example.test', 'short', 'password'],
    ['common@example.test', 'password123', 'password'],
    ['named@example.test', 'wanjiru-is-my-name', 'password'],
  ])('refuses %s / %s with BAD_USER_INPUT on %s', async (email, password, field) => {
    const { errors } = await register(email, password);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    await register('twice@example.test');
    const { errors } = await register('TWICE@example.test');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    await register('login@example.test');
    const wrong = await subgraph.request(anonymous(), LOGIN, { input: { email: 'login@example.test', password: 'not the secret' } });
    const unknown = await subgraph.request(anonymous(), LOGIN, { input: { email: 'nobody@example.test', password: 'not the secret' } });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    const ok = await subgraph.request(anonymous(), LOGIN, { input: { email: 'LOGIN@example.test', password: 'a long enough secret' } });
    expect(ok.data.login.accessToken).toMatch(/^ey/);
  });

  it('rotates refresh tokens and revokes the session when an old one is replayed', async () => {
    const { data } = await register('rotate@example.test');
    const first = data.register.refreshToken;
    const second = await subgraph.request(anonymous(), REFRESH, { token: first });
    expect(second.data.refreshSession.refreshToken).not.toBe(first);
    const replay = await subgraph.request(anonymous(), REFRESH, { token: first });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The replay revoked the whole family, including the token issued second.
    const afterReplay = await subgraph.request(anonymous(), REFRESH, { token: second.data.refreshSession.refreshToken });
    expect(afterReplay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a person only their own account', async () => {
    const a = (await register('a@example.test')).data.register.user.id;
    const b = (await register('b@example.test')).data.register.user.id;
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email } } }`;
    const asA = await subgraph.request(asUser(a), query, { reps: [{ __typename: 'User', id: b }] });
    expect(asA.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(asA.data)).not.toContain('b@example.test');
    const asServiceCall = await subgraph.request(asService(), query, { reps: [{ __typename: 'User', id: b }] });
    expect(asServiceCall.data._entities[0].email).toBe('b@example.test');
  });

  it('answers nothing without the gateway token, or with a forged one', async () => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    expect((await subgraph.raw({}, body)).status).toBe(401);
    const forged = await subgraph.raw({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJraW5kIjoic2VydmljZSJ9.' }, body);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('refresh races', () => {
  it('two refreshes with the same token at the same instant: one wins, the session ends', async () => {
    const { data } = await register('race@example.test');
    const token = data.register.refreshToken;
    const results = await Promise.all([1, 2, 3].map(() => subgraph.request(anonymous(), REFRESH, { token })));
    const winners = results.filter((r) => r.data?.refreshSession);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED').length).toBeGreaterThanOrEqual(2);
  });
});
